import { useState, type FocusEvent, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import type { Deadline, FeedCreated, FeedStatus } from '../../src/calendar/schema.ts';
import type { Organisation } from '../../src/organisations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  AppLink,
  ErrorAlert,
  Loading,
  PageTitle,
  Pager,
  SelectField,
  TableScroll,
  useDocumentTitle,
} from '../components/ui.tsx';

export interface DeadlinesSearch {
  within?: number;
  organisationId?: string;
  overdue?: 'include' | 'only' | 'exclude';
  page?: number;
}

const PAGE_SIZE = 50;
const WITHIN = [30, 90, 180, 365, 730, 1825, 3650];

const daysUntil = (date: string) =>
  Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) /
      864e5,
  );

export function DeadlinesPage() {
  const { t, name, date, phase } = useI18n();
  useDocumentTitle(t.deadlines.title);
  const search = useSearch({ from: '/deadlines' });
  const navigate = useNavigate({ from: '/deadlines' });
  const within = search.within ?? 365;
  const overdue = search.overdue ?? 'include';
  const page = search.page ?? 1;
  const [form, setForm] = useState({
    within: String(within),
    organisationId: search.organisationId ?? '',
    overdue: overdue as string,
  });

  const orgs = useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => api<Page<Organisation>>('GET', `/api/organisations${qs({ pageSize: 500 })}`),
  });
  const list = useQuery({
    queryKey: ['deadlines', within, search.organisationId ?? '', overdue, page],
    queryFn: () =>
      api<Page<Deadline>>(
        'GET',
        `/api/deadlines${qs({ within, organisationId: search.organisationId, overdue, page, pageSize: PAGE_SIZE })}`,
      ),
  });

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    void navigate({
      search: {
        within: Number(form.within),
        organisationId: form.organisationId || undefined,
        overdue: form.overdue as DeadlinesSearch['overdue'],
        page: undefined,
      },
    });
  };

  const withinLabel = (d: number) =>
    d >= 365 && d % 365 === 0
      ? fmt(t.deadlines.withinYears, { years: d / 365 })
      : fmt(t.deadlines.withinDays, { days: d });

  return (
    <>
      <PageTitle>{t.deadlines.title}</PageTitle>
      <Paragraph appearance="lead">{t.deadlines.intro}</Paragraph>

      <form
        className="rd-form rd-filters"
        onSubmit={onFilter}
        role="search"
        aria-label={t.deadlines.filterLegend}
      >
        <Fieldset>
          <FieldsetLegend>{t.deadlines.filterLegend}</FieldsetLegend>
          <div className="rd-filters__row">
            <SelectField
              label={t.deadlines.within}
              name="within"
              value={form.within}
              onChange={(v) => setForm({ ...form, within: v })}
              options={WITHIN.map((d) => ({ value: String(d), label: withinLabel(d) }))}
            />
            <SelectField
              label={t.deadlines.organisation}
              name="organisationId"
              value={form.organisationId}
              onChange={(v) => setForm({ ...form, organisationId: v })}
              options={[
                { value: '', label: t.deadlines.allOrganisations },
                ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} — ${name(o)}` })),
              ]}
            />
            <SelectField
              label={t.deadlines.overdueFilter}
              name="overdue"
              value={form.overdue}
              onChange={(v) => setForm({ ...form, overdue: v })}
              options={[
                { value: 'include', label: t.deadlines.overdueInclude },
                { value: 'only', label: t.deadlines.overdueOnly },
                { value: 'exclude', label: t.deadlines.overdueExclude },
              ]}
            />
          </div>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit">
              {t.deadlines.apply}
            </Button>
          </ButtonGroup>
        </Fieldset>
      </form>

      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t.deadlines.empty}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="deadlines-caption">
            <Table className="rd-table" data-testid="deadlines-table">
              <TableCaption id="deadlines-caption">{t.deadlines.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.deadlines.date}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.deadlines.instrument}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.deadlines.step}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.deadlines.cycle}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.deadlines.status}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.deadlines.how}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.deadlines.lead}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((d) => {
                  const days = daysUntil(d.date);
                  return (
                    <TableRow
                      key={`${d.cycleId}-${d.kind}`}
                      data-code={d.instrumentCode}
                      data-overdue={d.overdue ? 'true' : 'false'}
                    >
                      <TableCell className={d.overdue ? 'rd-cell--overdue' : undefined}>
                        {date(d.date, d.datePrecision)}
                      </TableCell>
                      <TableHeaderCell scope="row">
                        <AppLink to="/instruments/$id" params={{ id: d.instrumentId }}>
                          {d.instrumentShortName}
                        </AppLink>
                      </TableHeaderCell>
                      <TableCell>{phase(d.kind)}</TableCell>
                      <TableCell>{d.cycleLabel}</TableCell>
                      <TableCell>
                        {d.overdue ? (
                          <>
                            <strong className="rd-overdue-text">{t.deadlines.overdueText}</strong>
                          </>
                        ) : days <= 0 ? (
                          t.deadlines.dueToday
                        ) : (
                          fmt(t.deadlines.dueIn, { days })
                        )}
                      </TableCell>
                      <TableCell>
                        {d.derived ? (
                          <>
                            <span className="rd-marker">{t.deadlines.derived}</span>
                            {d.overridden && <span className="rd-marker"> {t.deadlines.overridden}</span>}
                            {d.rule && <span className="rd-subtle">{d.rule}</span>}
                          </>
                        ) : (
                          t.deadlines.recorded
                        )}
                      </TableCell>
                      <TableCell>{d.lead ? d.lead.code : t.common.none}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
          />
        </>
      )}
      <Feeds />
    </>
  );
}

function Feeds() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const user = me.data;
  const status = useQuery({
    queryKey: ['calendar-feeds', user?.id ?? ''],
    queryFn: () => api<FeedStatus>('GET', '/api/calendar-feeds'),
    enabled: Boolean(user),
  });
  return (
    <section aria-labelledby="feeds-heading" className="rd-section">
      <Heading level={2} id="feeds-heading">
        {t.deadlines.feedTitle}
      </Heading>
      <Paragraph>{t.deadlines.feedIntro}</Paragraph>
      {!user && me.isSuccess && <Paragraph>{t.deadlines.feedLoginNeeded}</Paragraph>}
      {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <>
          <FeedControl
            id="my"
            title={t.deadlines.myFeed}
            active={status.data.user.exists ? dateTime(status.data.user.createdAt) : null}
            path="/api/calendar-feeds/me"
            onChange={() => void qc.invalidateQueries({ queryKey: ['calendar-feeds'] })}
          />
          {status.data.organisation && (user?.role === 'coordinator' || user?.role === 'admin') && (
            <FeedControl
              id="org"
              title={fmt(t.deadlines.orgFeed, { code: status.data.organisation.code })}
              active={status.data.organisation.exists ? dateTime(status.data.organisation.createdAt) : null}
              path={`/api/calendar-feeds/organisations/${status.data.organisation.organisationId}`}
              onChange={() => void qc.invalidateQueries({ queryKey: ['calendar-feeds'] })}
            />
          )}
        </>
      )}
    </section>
  );
}

function FeedControl(props: {
  id: string;
  title: string;
  active: string | null;
  path: string;
  onChange(): void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [copyMsg, setCopyMsg] = useState('');
  const inputId = `feed-url-${props.id}`;

  const run = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    setError(null);
    try {
      if (method === 'POST') {
        const created = await api<FeedCreated>('POST', props.path);
        setUrl(created.url);
        announce(t.deadlines.feedCreated);
      } else {
        await api<void>('DELETE', props.path);
        setUrl(null);
        announce(t.deadlines.feedRevoked);
      }
      props.onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyMsg(t.deadlines.copied);
      announce(t.deadlines.copied);
    } catch {
      setCopyMsg(t.deadlines.copyFailed);
      announce(t.deadlines.copyFailed);
    }
  };

  return (
    <div className="rd-feed" data-testid={`feed-${props.id}`}>
      <Heading level={3}>{props.title}</Heading>
      <Paragraph>
        {props.active ? fmt(t.deadlines.feedActive, { date: props.active }) : t.deadlines.feedNone}
      </Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {url && (
        <FormField className="rd-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={inputId}>{t.deadlines.feedUrl}</FormLabel>
          </div>
          <FormFieldDescription id={`${inputId}-hint`}>{t.deadlines.feedUrlHint}</FormFieldDescription>
          <div className="utrecht-form-field__input">
            <Textbox
              id={inputId}
              readOnly
              value={url}
              aria-describedby={`${inputId}-hint`}
              onFocus={(e: FocusEvent<HTMLInputElement>) => e.currentTarget.select()}
              data-testid={`feed-url-${props.id}`}
            />
          </div>
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={() => void copy()}>
              {t.deadlines.copy}
              <span className="rd-visually-hidden"> ({props.title})</span>
            </Button>
          </ButtonGroup>
          {copyMsg && <Paragraph className="rd-subtle">{copyMsg}</Paragraph>}
        </FormField>
      )}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          type="button"
          disabled={busy}
          onClick={() => void run('POST')}
        >
          {props.active ? t.deadlines.feedRotate : t.deadlines.feedCreate}
          <span className="rd-visually-hidden"> ({props.title})</span>
        </Button>
        {props.active && (
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={busy}
            onClick={() => void run('DELETE')}
          >
            {t.deadlines.feedRevoke}
            <span className="rd-visually-hidden"> ({props.title})</span>
          </Button>
        )}
      </ButtonGroup>
    </div>
  );
}
