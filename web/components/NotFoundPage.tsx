import { Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { AppLink, PageTitle, useDocumentTitle } from './ui.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFound.title);
  return (
    <>
      <PageTitle>{t.notFound.title}</PageTitle>
      <Paragraph>{t.notFound.text}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t.notFound.back}</AppLink>
      </Paragraph>
    </>
  );
}
