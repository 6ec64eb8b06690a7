import type { ReactNode } from 'react';
import { useParams } from '@tanstack/react-router';
import type { WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { useLetter } from './api.ts';
import { Consultations } from './Consultations.tsx';
import { FrameSection } from './FrameSection.tsx';
import { LetterHeader } from './LetterHeader.tsx';
import { Regenerate } from './Regenerate.tsx';
import { Sections } from './Sections.tsx';
import { Versions } from './Versions.tsx';
import { ResponsePoints } from '../commitments/ResponsePoints.tsx';
import './letters.css';
import '../i18n/letters-texts.ts';

/** A document of the workspace: its facts and state, consultations, frame, sections and versions. */
export function LetterPage() {
  const { id } = useParams({ from: '/brieven/$id' });
  return (
    <LetterShell id={id} tab="document">
      {(d) => (
        <>
          <Consultations key={`c-${d.id}`} doc={d} />
          <FrameSection key={`f-${d.id}`} doc={d} />
          <Regenerate key={`r-${d.id}`} doc={d} />
          <Sections key={`s-${d.id}`} doc={d} />
          <ResponsePoints key={`p-${d.id}`} doc={d} />
          <Versions key={`v-${d.id}`} doc={d} />
        </>
      )}
    </LetterShell>
  );
}

/** The frame of both pages of a document: the way back, its title, facts and the two tabs. */
export function LetterShell(props: {
  id: string;
  tab: 'document' | 'woo';
  children(doc: WorkspaceDocument): ReactNode;
}) {
  const { t } = useI18n();
  const me = useMe();
  const letter = useLetter(props.id, Boolean(me.data));
  const d = letter.data;
  const title = d ? (props.tab === 'woo' ? `${t.woo.title}: ${d.title}` : d.title) : t.letters.title;
  return (
    <SignedInPage
      title={title}
      heading={d?.title ?? t.letters.title}
      back={<AppLink to="/brieven">{t.letters.back}</AppLink>}
    >
      {() => (
        <>
          <QueryState query={letter} notFound={t.letters.notFound} />
          {d && (
            <>
              <LetterHeader doc={d} />
              <nav aria-label={t.letters.tabsLabel} className="rd-letter-tabs">
                <ul>
                  <li>
                    <AppLink
                      to="/brieven/$id"
                      params={{ id: d.id }}
                      aria-current={props.tab === 'document' ? 'page' : undefined}
                    >
                      {t.letters.tabDocument}
                    </AppLink>
                  </li>
                  <li>
                    <AppLink
                      to="/brieven/$id/woo"
                      params={{ id: d.id }}
                      aria-current={props.tab === 'woo' ? 'page' : undefined}
                    >
                      {t.letters.tabWoo}
                    </AppLink>
                  </li>
                </ul>
              </nav>
              {props.children(d)}
            </>
          )}
        </>
      )}
    </SignedInPage>
  );
}
