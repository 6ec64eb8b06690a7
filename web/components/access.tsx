import type { ReactNode } from 'react';
import { useRouterState } from '@tanstack/react-router';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { GlobalAbilities, Me } from '../../src/auth/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { ErrorAlert, Loading } from './feedback.tsx';
import { AppLink, PageTitle, useDocumentTitle } from './ui.tsx';

export function NoAccess({ text }: { text?: string | undefined }) {
  const { t } = useI18n();
  return (
    <Alert type="warning">
      <Heading level={2} appearance="utrecht-heading-4">
        {t.common.noAccessTitle}
      </Heading>
      <Paragraph>{text ?? t.common.noAccess}</Paragraph>
    </Alert>
  );
}

export function LoginRequired({ redirect }: { redirect: string }) {
  const { t } = useI18n();
  return (
    <Alert type="info">
      <Paragraph>{t.common.loginRequired}</Paragraph>
      <Paragraph>
        <AppLink to="/login" search={{ redirect }}>
          {t.app.login}
        </AppLink>
      </Paragraph>
    </Alert>
  );
}

/**
 * A page for signed-in users: a way back, its title, then the content once the user is known, or
 * the invitation to log in (and come back here). With `ability`, only users the server gives that
 * ability see the content; others read `noAccess`.
 */
export function SignedInPage(props: {
  title: string;
  heading?: ReactNode;
  back?: ReactNode;
  ability?: keyof GlobalAbilities;
  noAccess?: string;
  children: (me: Me) => ReactNode;
}) {
  useDocumentTitle(props.title);
  const me = useMe();
  const href = useRouterState({ select: (s) => s.location.href });
  const allowed = me.data && (!props.ability || me.data.abilities[props.ability]);
  return (
    <>
      {props.back && <Paragraph>{props.back}</Paragraph>}
      <PageTitle>{props.heading ?? props.title}</PageTitle>
      {me.isPending && <Loading />}
      {me.isError && <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />}
      {me.isSuccess && !me.data && <LoginRequired redirect={href} />}
      {me.data && !allowed && <NoAccess text={props.noAccess} />}
      {me.data && allowed && props.children(me.data)}
    </>
  );
}
