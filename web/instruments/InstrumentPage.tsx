import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Instrument } from '../../src/instruments/schema.ts';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Document } from '../../src/documents/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { CycleForm } from '../cycles/CycleForm.tsx';
import { CycleSection } from '../cycles/CycleSection.tsx';
import { LeadConfirmation } from './LeadConfirmation.tsx';
import { DocumentsTable } from '../documents/DocumentsTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { useEditor } from '../components/form/index.ts';
import { ActionButton, AppLink, Fact, PageTitle, Unverified, useDocumentTitle } from '../components/ui.tsx';

export function InstrumentPage() {
  const { id } = useParams({ from: '/instruments/$id' });
  const { t, name } = useI18n();
  const instrument = useQuery({
    queryKey: ['instrument', id],
    queryFn: () => api<Instrument>('GET', `/api/instruments/${encodeURIComponent(id)}`),
  });
  const cycles = useQuery({
    queryKey: ['cycles', id],
    queryFn: () => api<Page<Cycle>>('GET', `/api/cycles${qs({ instrumentId: id, pageSize: 100 })}`),
  });
  const documents = useQuery({
    queryKey: ['documents', id],
    queryFn: () => api<Page<Document>>('GET', `/api/documents${qs({ instrumentId: id, pageSize: 100 })}`),
    retry: false,
  });

  const recommendations = useQuery({
    queryKey: ['recommendations', { instrumentId: id, pageSize: 1 }],
    queryFn: () =>
      api<{ total: number }>('GET', `/api/recommendations${qs({ instrumentId: id, pageSize: 1 })}`),
    retry: false,
  });

  const i = instrument.data;
  const newCycle = useEditor<true>();
  const nextSequence = Math.max(0, ...(cycles.data?.items ?? []).map((c) => c.sequence)) + 1;
  useDocumentTitle(i ? `${i.shortName} — ${name(i)}` : t.instrument.titleFallback);

  return (
    <>
      <Paragraph>
        <AppLink to="/">{t.instrument.back}</AppLink>
      </Paragraph>
      <PageTitle>
        {i ? (
          <>
            {i.shortName}
            <span className="rd-title-sub">{name(i)}</span>
          </>
        ) : (
          t.instrument.titleFallback
        )}
      </PageTitle>
      <QueryState query={instrument} notFound={t.instrument.notFound} />
      {i && <InstrumentFacts i={i} />}
      {i && (
        <section aria-labelledby="cycles-heading">
          <Heading level={2} id="cycles-heading">
            {t.instrument.cycles}
          </Heading>
          <QueryState query={cycles} />
          {i.abilities.edit && (
            <ActionButton
              text={t.coordinator.cycleNew}
              subject={i.shortName}
              onClick={() => newCycle.open(true)}
            />
          )}
          {newCycle.notice}
          {newCycle.value && (
            <CycleForm
              instrumentId={i.id}
              instrumentName={i.shortName}
              nextSequence={nextSequence}
              onClose={newCycle.close}
            />
          )}
          {cycles.data && cycles.data.items.length === 0 && <Paragraph>{t.instrument.noCycles}</Paragraph>}
          {cycles.data &&
            [...cycles.data.items]
              .sort((a, b) => b.sequence - a.sequence)
              .map((c) => <CycleSection key={c.id} cycle={c} instrumentName={i.shortName} />)}
        </section>
      )}
      {i && (
        <section
          aria-labelledby="instrument-recommendations-heading"
          data-testid="instrument-recommendations"
        >
          <Heading level={2} id="instrument-recommendations-heading">
            {t.instrument.recommendations}
          </Heading>
          <Paragraph>
            <AppLink to="/recommendations" search={{ instrumentId: i.id }}>
              {recommendations.data
                ? fmt(t.instrument.recommendationsLink, {
                    count: recommendations.data.total,
                    name: i.shortName,
                  })
                : fmt(t.instrument.recommendationsLinkPlain, { name: i.shortName })}
            </AppLink>
          </Paragraph>
        </section>
      )}
      {i && documents.data && documents.data.items.length > 0 && (
        <DocumentsTable docs={documents.data.items} />
      )}
    </>
  );
}

function InstrumentFacts({ i }: { i: Instrument }) {
  const { t, name } = useI18n();
  const yesNo = (v: boolean) => (v ? t.common.yes : t.common.no);
  return (
    <section aria-labelledby="facts-heading">
      <Heading level={2} id="facts-heading">
        {t.instrument.facts}
      </Heading>
      <DataList className="rd-facts">
        <Fact label={t.instrument.code}>{i.code}</Fact>
        <Fact label={t.instrument.system}>{t.systems[i.system] ?? i.system}</Fact>
        <Fact label={t.instrument.kind}>{t.instrumentKinds[i.kind] ?? i.kind}</Fact>
        <Fact label={t.instrument.body}>
          {i.monitoringBody ? `${name(i.monitoringBody)} (${i.monitoringBody.code})` : t.common.none}
        </Fact>
        <Fact label={t.instrument.ratification}>
          {t.ratification[i.ratificationStatus] ?? i.ratificationStatus}
          {i.ratificationYear !== null && ` (${i.ratificationYear})`}
        </Fact>
        <Fact label={t.instrument.periodicity}>
          {i.periodicityYears !== null
            ? fmt(t.instrument.periodicityValue, { years: i.periodicityYears })
            : t.common.none}{' '}
          {i.periodicityYears !== null && i.unverifiedFields.includes('periodicityYears') && <Unverified />}
        </Fact>
        <Fact label={t.instrument.procedure}>
          {i.procedure ? (t.procedures[i.procedure] ?? i.procedure) : t.common.none}
        </Fact>
        <Fact label={t.instrument.lead}>
          {i.lead ? name(i.lead) : t.common.none} <LeadConfirmation i={i} />
          {i.leadSource && (
            <span className="rd-subtle">
              {t.common.source}: <span lang="en">{i.leadSource}</span>
            </span>
          )}
        </Fact>
        <Fact label={t.instrument.coordinating}>{i.coordinating ? name(i.coordinating) : t.common.none}</Fact>
        <Fact label={t.instrument.appliesTo}>
          {i.appliesTo.length ? i.appliesTo.map((c) => t.countries[c] ?? c).join(', ') : t.common.none}{' '}
          {i.unverifiedFields.includes('appliesTo') && <Unverified />}
        </Fact>
        <Fact label={t.instrument.source}>
          <SourceText source={i.source} />
        </Fact>
        <Fact label={t.instrument.verified}>
          {yesNo(i.verified)} {!i.verified && <Unverified />}
        </Fact>
      </DataList>
    </section>
  );
}

function SourceText({ source }: { source: string | null }) {
  const { t } = useI18n();
  if (!source) return <>{t.common.none}</>;
  if (/^https?:\/\//.test(source)) {
    return (
      <a className="utrecht-link utrecht-link--html-a" href={source} rel="noreferrer">
        {source}
      </a>
    );
  }
  // Sources of the reference data are noted in English.
  return <span lang="en">{source}</span>;
}
