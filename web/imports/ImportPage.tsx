import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { DownloadLinks } from '../components/DownloadLinks.tsx';
import { ImportForm } from './ImportForm.tsx';
import { UnmappedTerms } from './UnmappedTerms.tsx';
import './imports.css';

/** Imports of recommendations (preview first), the spreadsheet template, and the mapping of unknown spellings. */
export function ImportPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.imports.title} ability="importRecommendations" noAccess={t.imports.noAccess}>
      {(me) => (
        <>
          <Paragraph appearance="lead">{t.imports.intro}</Paragraph>
          {!me.abilities.updateExistingRecommendations && <Paragraph>{t.imports.addOnly}</Paragraph>}
          <ImportForm mayUpdate={me.abilities.updateExistingRecommendations} />
          <Templates />
          <UnmappedTerms mayMap={me.abilities.editTaxonomy} />
        </>
      )}
    </SignedInPage>
  );
}

function Templates() {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="import-template-heading">
      <Heading level={2} id="import-template-heading">
        {t.imports.templateHeading}
      </Heading>
      <Paragraph>{t.imports.templateIntro}</Paragraph>
      <DownloadLinks
        links={[
          { href: `/api/imports/template.xlsx?lang=${lang}`, label: t.imports.templateXlsx },
          { href: `/api/imports/template.csv?lang=${lang}`, label: t.imports.templateCsv },
        ]}
      />
    </section>
  );
}
