import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Instrument } from '../../src/instruments/schema.ts';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Document } from '../../src/documents/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import {
  AppLink,
  ErrorAlert,
  Loading,
  Overdue,
  PageTitle,
  TableScroll,
  Unverified,
  useDocumentTitle,
} from '../components/ui.tsx';
import { ProcessCycleSection } from './ProcessCycleSection.tsx';
import { DerivedDeadlines } from './DerivedDeadlines.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

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

  const i = instrument.data;
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
      {instrument.isPending && <Loading />}
      {instrument.isError &&
        (instrument.error instanceof ApiError && instrument.error.status === 404 ? (
          <Paragraph>{t.instrument.notFound}</Paragraph>
        ) : (
          <ErrorAlert error={instrument.error} onRetry={() => void instrument.refetch()} />
        ))}
      {i && <InstrumentFacts i={i} />}
      {i && (
        <section aria-labelledby="cycles-heading">
          <Heading level={2} id="cycles-heading">
            {t.instrument.cycles}
          </Heading>
          {cycles.isPending && <Loading />}
          {cycles.isError && <ErrorAlert error={cycles.error} onRetry={() => void cycles.refetch()} />}
          {cycles.data && cycles.data.items.length === 0 && <Paragraph>{t.instrument.noCycles}</Paragraph>}
          {cycles.data &&
            [...cycles.data.items]
              .sort((a, b) => b.sequence - a.sequence)
              .map((c) => <CycleSection key={c.id} cycle={c} instrument={i} />)}
        </section>
      )}
      {i && documents.data && documents.data.items.length > 0 && <Documents docs={documents.data.items} />}
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
          {i.lead ? name(i.lead) : t.common.none} {i.lead && !i.leadVerified && <Unverified />}
          {i.leadSource && (
            <span className="rd-subtle">
              {t.common.source}: {i.leadSource}
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
  return <>{source}</>;
}

function CycleSection({ cycle, instrument }: { cycle: Cycle; instrument?: Instrument }) {
  const { t, date, phase } = useI18n();
  const headingId = `cycle-${cycle.id}`;
  const s = cycle.status;
  return (
    <section aria-labelledby={headingId} className="rd-cycle" data-testid="cycle">
      <Heading level={3} id={headingId}>
        {cycle.label} {!cycle.verified && <Unverified />}
      </Heading>
      <DataList className="rd-facts rd-facts--compact">
        {cycle.procedure && (
          <Fact label={t.instrument.procedureLabel}>{t.procedures[cycle.procedure] ?? cycle.procedure}</Fact>
        )}
        <Fact label={t.instrument.currentPhase}>
          {phase(s.currentPhase)}
          {s.currentPhaseDate && ` (${date(s.currentPhaseDate, s.currentPhasePrecision ?? 'day')})`}
        </Fact>
        <Fact label={t.instrument.nextStep}>{phase(s.nextStep)}</Fact>
        <Fact label={t.instrument.dueDate}>
          {date(s.nextDueDate, s.nextDuePrecision ?? 'day')} {s.overdue && <Overdue />}
          {s.nextDueDerived && <span className="rd-marker">{t.deadlines.derived}</span>}
        </Fact>
      </DataList>
      {cycle.phases.length > 0 && (
        <TableScroll labelledBy={`${headingId}-caption`}>
          <Table className="rd-table">
            <TableCaption id={`${headingId}-caption`}>
              {fmt(t.instrument.phasesCaption, { label: cycle.label })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.instrument.phaseDate}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.instrument.phaseKind}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.instrument.phaseSymbol}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.instrument.phaseSession}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.instrument.phaseVerified}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cycle.phases.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{date(p.date, p.datePrecision)}</TableCell>
                  <TableHeaderCell scope="row">
                    {phase(p.kind)}
                    {p.followUpParagraphs && (
                      <span className="rd-subtle">
                        {t.overrides.followUpParagraphs}: {p.followUpParagraphs}
                      </span>
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    {p.symbol ? <span className="rd-symbol">{p.symbol}</span> : t.common.none}
                  </TableCell>
                  <TableCell>{p.session ?? t.common.none}</TableCell>
                  <TableCell>{p.verified ? t.common.yes : <Unverified />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      <DerivedDeadlines cycle={cycle} instrument={instrument} />
      <ProcessCycleSection cycle={cycle} instrument={instrument} />
    </section>
  );
}

function Documents({ docs }: { docs: Document[] }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="documents-heading">
      <Heading level={2} id="documents-heading">
        {t.instrument.documents}
      </Heading>
      <TableScroll labelledBy="documents-caption">
        <Table className="rd-table">
          <TableCaption id="documents-caption">{t.instrument.documentsCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.instrument.docSymbol}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.instrument.docTitle}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.instrument.docKind}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.instrument.docDate}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.instrument.docLanguage}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {docs.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  {d.symbol ? <span className="rd-symbol">{d.symbol}</span> : t.common.none}
                </TableCell>
                <TableHeaderCell scope="row">
                  {d.url ? (
                    <a
                      className="utrecht-link utrecht-link--html-a"
                      href={d.url}
                      rel="noreferrer"
                      hrefLang={d.language}
                    >
                      <span lang={d.language}>{d.title}</span>
                    </a>
                  ) : (
                    <span lang={d.language}>{d.title}</span>
                  )}{' '}
                  {!d.verified && <Unverified />}
                </TableHeaderCell>
                <TableCell>{t.documentKinds[d.kind] ?? d.kind}</TableCell>
                <TableCell>{date(d.date)}</TableCell>
                <TableCell>{d.language}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </section>
  );
}
