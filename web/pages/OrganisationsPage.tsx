import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
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
import type { Organisation } from '../../src/organisations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ActionButton,
  ErrorAlert,
  Loading,
  PageTitle,
  Pager,
  SelectField,
  TableScroll,
  TextField,
  Unverified,
  useDocumentTitle,
} from '../components/ui.tsx';

export const ORGANISATION_KINDS = [
  'ministry',
  'kingdom_country',
  'public_body',
  'nhri',
  'advisory_council',
  'cso',
  'parliament',
  'ombudsman',
  'other',
] as const;

const PAGE_SIZE = 50;

export interface OrganisationsSearch {
  kind?: string;
  q?: string;
  page?: number;
}

export function OrganisationsPage() {
  const { t, name, date } = useI18n();
  useDocumentTitle(t.organisations.title);
  const search = useSearch({ from: '/organisations' });
  const navigate = useNavigate({ from: '/organisations' });
  const me = useMe();
  const isAdmin = me.data?.role === 'admin';
  const page = search.page ?? 1;

  const [kind, setKind] = useState(search.kind ?? '');
  const [q, setQ] = useState(search.q ?? '');
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);

  const list = useQuery({
    queryKey: ['organisations', search.kind ?? '', search.q ?? '', page],
    queryFn: () =>
      api<Page<Organisation>>(
        'GET',
        `/api/organisations${qs({ kind: search.kind, q: search.q, page, pageSize: PAGE_SIZE })}`,
      ),
  });

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ search: { kind: kind || undefined, q: q.trim() || undefined, page: undefined } });
  };
  const onReset = () => {
    setKind('');
    setQ('');
    void navigate({ search: {} });
  };

  const kindOptions = [
    { value: '', label: t.common.all },
    ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t.organisationKinds[k] ?? k })),
  ];

  return (
    <>
      <PageTitle>{t.organisations.title}</PageTitle>
      <Paragraph appearance="lead">{t.organisations.intro}</Paragraph>

      <form
        className="rd-form rd-filters"
        onSubmit={onFilter}
        role="search"
        aria-label={t.organisations.filterLegend}
      >
        <Fieldset>
          <FieldsetLegend>{t.organisations.filterLegend}</FieldsetLegend>
          <div className="rd-filters__row">
            <SelectField
              label={t.organisations.kind}
              name="kind"
              value={kind}
              onChange={setKind}
              options={kindOptions}
            />
            <TextField label={t.organisations.search} name="q" type="search" value={q} onChange={setQ} />
          </div>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit">
              {t.common.filter}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={onReset}>
              {t.common.reset}
            </Button>
          </ButtonGroup>
        </Fieldset>
      </form>

      {isAdmin && editing === null && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => setEditing('new')}>
            {t.organisations.newButton}
          </Button>
        </Paragraph>
      )}
      {isAdmin && editing !== null && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}

      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t.common.noResults}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="organisations-caption">
            <Table className="rd-table" data-testid="organisations-table">
              <TableCaption id="organisations-caption">
                {t.organisations.caption} ({fmt(t.common.results, { total: list.data.total })})
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.organisations.code}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.organisations.name}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.organisations.kind}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.organisations.validity}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.organisations.current}</TableHeaderCell>
                  {isAdmin && <TableHeaderCell scope="col">{t.organisations.actions}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell>{o.code}</TableCell>
                    <TableHeaderCell scope="row">
                      {name(o)} {!o.verified && <Unverified />}
                    </TableHeaderCell>
                    <TableCell>{t.organisationKinds[o.kind] ?? o.kind}</TableCell>
                    <TableCell>
                      {o.validFrom || o.validTo ? `${date(o.validFrom)} – ${date(o.validTo)}` : t.common.none}
                    </TableCell>
                    <TableCell>{o.current ? t.common.yes : t.common.no}</TableCell>
                    {isAdmin && (
                      <TableCell>
                        <ActionButton
                          text={t.organisations.editButton}
                          subject={name(o)}
                          onClick={() => setEditing(o)}
                        />
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => void navigate({ search: (s: OrganisationsSearch) => ({ ...s, page: p }) })}
          />
        </>
      )}
    </>
  );
}

function OrganisationForm({ organisation, onDone }: { organisation: Organisation | null; onDone(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [code, setCode] = useState(organisation?.code ?? '');
  const [nameNl, setNameNl] = useState(organisation?.nameNl ?? '');
  const [nameEn, setNameEn] = useState(organisation?.nameEn ?? '');
  const [kind, setKind] = useState<string>(organisation?.kind ?? 'ministry');
  const [validFrom, setValidFrom] = useState(organisation?.validFrom ?? '');
  const [validTo, setValidTo] = useState(organisation?.validTo ?? '');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const body = {
      code: code.trim(),
      nameNl: nameNl.trim(),
      nameEn: nameEn.trim(),
      kind,
      validFrom: validFrom || null,
      validTo: validTo || null,
    };
    try {
      const saved = organisation
        ? await api<Organisation>('PATCH', `/api/organisations/${organisation.id}`, {
            ...body,
            version: organisation.version,
          })
        : await api<Organisation>('POST', '/api/organisations', body);
      await qc.invalidateQueries({ queryKey: ['organisations'] });
      announce(fmt(organisation ? t.organisations.saved : t.organisations.created, { code: saved.code }));
      onDone();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  const title = organisation
    ? fmt(t.organisations.editTitle, { code: organisation.code })
    : t.organisations.createTitle;
  return (
    <section aria-labelledby="organisation-form-heading" className="rd-panel">
      <Heading level={2} id="organisation-form-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <form className="rd-form" onSubmit={onSubmit} noValidate aria-labelledby="organisation-form-heading">
        <TextField
          label={t.organisations.code}
          name="code"
          value={code}
          onChange={setCode}
          error={fieldErrors.code}
          required
        />
        <TextField
          label={t.organisations.nameNl}
          name="nameNl"
          value={nameNl}
          onChange={setNameNl}
          error={fieldErrors.nameNl}
          required
        />
        <TextField
          label={t.organisations.nameEn}
          name="nameEn"
          value={nameEn}
          onChange={setNameEn}
          error={fieldErrors.nameEn}
          required
        />
        <SelectField
          label={t.organisations.kind}
          name="kind"
          value={kind}
          onChange={setKind}
          error={fieldErrors.kind}
          required
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t.organisationKinds[k] ?? k }))}
        />
        <TextField
          label={t.organisations.validFrom}
          name="validFrom"
          type="date"
          value={validFrom}
          onChange={setValidFrom}
          hint={t.organisations.dateHint}
          error={fieldErrors.validFrom}
        />
        <TextField
          label={t.organisations.validTo}
          name="validTo"
          type="date"
          value={validTo}
          onChange={setValidTo}
          hint={t.organisations.dateHint}
          error={fieldErrors.validTo}
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {organisation ? t.common.save : t.organisations.createButton}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onDone}>
            {t.common.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
