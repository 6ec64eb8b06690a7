import { useI18n } from '../i18n/index.tsx';
import { AppLink } from '../components/ui.tsx';
import './tokens.css';

/**
 * The signed-in user's own settings, in the footer (not in the main navigation, whose tab stops
 * the keyboard test counts): the access tokens page. Its two texts are here, so that the first
 * page does not load the tokens page's texts.
 */
export function AccountLinks() {
  const { lang } = useI18n();
  return (
    <nav aria-label={lang === 'en' ? 'Your account' : 'Uw account'} className="rd-account-links">
      <AppLink to="/toegangstokens">{lang === 'en' ? 'Access tokens' : 'Toegangstokens'}</AppLink>
    </nav>
  );
}
