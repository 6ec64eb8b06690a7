import { useParams } from '@tanstack/react-router';
import {
  Button,
  DataList,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Term } from '../../src/hrc/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { useEditor } from '../components/form/index.ts';
import { AppLink, Fact, Unverified } from '../components/ui.tsx';
import '../commitments/texts.ts';
import { deletePriority, deleteResolution, deleteResult, useTerm } from './api.ts';
import { ItemActions } from './ItemActions.tsx';
import { PledgeForm, PriorityForm, ResolutionForm, ResultForm, TermForm } from './forms.tsx';
import './texts.ts';

/** One term: the election, its priorities, pledges (with their status in the register), resolutions and results. */
export function TermPage() {
  const { t } = useI18n();
  const { id } = useParams({ from: '/mensenrechtenraad/$id' });
  const term = useTerm(id);
  const title = term.data
    ? fmt(t.hrc.termTitle, { start: term.data.startYear, end: term.data.endYear })
    : t.hrc.term;
  return (
    <SignedInPage title={title} back={<AppLink to="/mensenrechtenraad">{t.hrc.back}</AppLink>}>
      {() => (
        <>
          <QueryState query={term} notFound={t.hrc.notFound} />
          {term.data && <Details term={term.data} />}
        </>
      )}
    </SignedInPage>
  );
}

type Part = 'priority' | 'pledge' | 'resolution' | 'result';
type Item = { id: string; version: number };
/** What the section's form is open for: a new item, or the item being changed. */
type Open = { part: Part; item: Item | null };
/** What a section gives its list: open the form for an item, and close it with a message. */
type Edit = { open(item: Item): void; close(message: string | null): void };

function Section(props: {
  id: string;
  title: string;
  add: string;
  part: Part;
  term: Term;
  children(edit: Edit): ReactNode;
}) {
  const editor = useEditor<Open>();
  const Form = { priority: PriorityForm, pledge: PledgeForm, resolution: ResolutionForm, result: ResultForm }[
    props.part
  ] as (p: { term: Term; item?: never; onDone(m: string | null): void }) => ReactNode;
  const edit: Edit = {
    open: (item) => editor.open({ part: props.part, item }),
    close: (m) => editor.close(m),
  };
  return (
    <section aria-labelledby={`${props.id}-heading`} data-testid={props.id}>
      <Heading level={2} id={`${props.id}-heading`}>
        {props.title}
      </Heading>
      {editor.notice}
      {props.children(edit)}
      {props.term.abilities.edit &&
        (editor.value ? (
          <Form
            key={editor.value.item?.id ?? 'new'}
            term={props.term}
            item={(editor.value.item ?? undefined) as never}
            onDone={(m) => editor.close(m)}
          />
        ) : (
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => editor.open({ part: props.part, item: null })}
          >
            {props.add}
          </Button>
        ))}
    </section>
  );
}

/** The election and status of a term, changed by whoever may edit the membership. */
function Election({ term }: { term: Term }) {
  const { t, date } = useI18n();
  const h = t.hrc;
  const none = t.common.none;
  const editor = useEditor<'edit'>();
  if (editor.value === 'edit') return <TermForm term={term} onDone={(m) => editor.close(m)} />;
  return (
    <>
      {editor.notice}
      <section aria-labelledby="hrc-election-heading" data-testid="hrc-election">
        <Heading level={2} id="hrc-election-heading">
          {h.election}
        </Heading>
        <DataList className="rd-facts">
          <Fact label={h.status}>
            {h.statuses[term.status]}
            {term.unverifiedFields.includes('status') && (
              <>
                {' '}
                <span data-testid="hrc-unverified" title={h.unverifiedHint}>
                  <Unverified />
                </span>
              </>
            )}
          </Fact>
          <Fact label={h.electionDate}>{term.electionDate ? date(term.electionDate) : none}</Fact>
          <Fact label={h.votesReceived}>{term.votesReceived ?? none}</Fact>
          <Fact label={h.seats}>{term.seats ?? none}</Fact>
          <Fact label={h.regionGroup}>{term.regionGroup ?? none}</Fact>
          {term.notes && (
            <Fact label={h.notes}>
              <span className="rd-prewrap">{term.notes}</span>
            </Fact>
          )}
          {term.source && (
            <Fact label={h.source}>
              <span data-testid="hrc-source">{term.source}</span>
            </Fact>
          )}
        </DataList>
        {term.abilities.edit && (
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('edit')}>
            {h.editTerm}
          </Button>
        )}
      </section>
    </>
  );
}

function Details({ term }: { term: Term }) {
  const { t, date } = useI18n();
  const h = t.hrc;
  const none = t.common.none;
  const editable = term.abilities.edit;
  return (
    <>
      <Election term={term} />
      <Section id="hrc-priorities" title={h.priorities} add={h.addPriority} part="priority" term={term}>
        {(edit) =>
          term.priorities.length === 0 ? (
            <Paragraph>{h.noPriorities}</Paragraph>
          ) : (
            <UnorderedList>
              {term.priorities.map((p) => (
                <UnorderedListItem key={p.id} data-testid="hrc-priority">
                  <strong>{p.title}</strong>
                  {p.description && <span className="rd-prewrap"> — {p.description}</span>}
                  {editable && (
                    <ItemActions
                      name={p.title}
                      onEdit={() => edit.open(p)}
                      remove={() => deletePriority(p.id, p.version)}
                      onRemoved={edit.close}
                    />
                  )}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )
        }
      </Section>
      <Section id="hrc-pledges" title={h.pledges} add={h.addPledge} part="pledge" term={term}>
        {() =>
          term.pledges.length === 0 ? (
            <Paragraph>{h.noPledges}</Paragraph>
          ) : (
            <DataTable
              captionId="hrc-pledges-caption"
              caption={h.pledges}
              testId="hrc-pledges-table"
              columns={[h.pledgeText, h.commitmentStatus, h.dueOn]}
            >
              {term.pledges.map((p) => (
                <TableRow key={p.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to="/commitments/$id" params={{ id: p.commitmentId }}>
                      {p.text}
                    </AppLink>
                  </TableHeaderCell>
                  <TableCell>{t.commitments.statuses[p.status]}</TableCell>
                  <TableCell>{p.dueOn ? date(p.dueOn) : none}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          )
        }
      </Section>
      <Section id="hrc-resolutions" title={h.resolutions} add={h.addResolution} part="resolution" term={term}>
        {(edit) =>
          term.resolutions.length === 0 ? (
            <Paragraph>{h.noResolutions}</Paragraph>
          ) : (
            <DataTable
              captionId="hrc-resolutions-caption"
              caption={h.resolutions}
              testId="hrc-resolutions-table"
              columns={[
                h.resolutionTitle,
                h.symbol,
                h.role,
                h.coreGroup,
                h.adoptedOn,
                h.vote,
                ...(editable ? [h.actions] : []),
              ]}
            >
              {term.resolutions.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row">{r.title}</TableHeaderCell>
                  <TableCell>{r.symbol}</TableCell>
                  <TableCell>{h.roles[r.role]}</TableCell>
                  <TableCell>{r.coreGroup.join(', ') || none}</TableCell>
                  <TableCell>{r.adoptedOn ? date(r.adoptedOn) : none}</TableCell>
                  <TableCell>{r.vote ?? none}</TableCell>
                  {editable && (
                    <TableCell>
                      <ItemActions
                        name={r.symbol}
                        onEdit={() => edit.open(r)}
                        remove={() => deleteResolution(r.id, r.version)}
                        onRemoved={edit.close}
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </DataTable>
          )
        }
      </Section>
      <Section id="hrc-results" title={h.results} add={h.addResult} part="result" term={term}>
        {(edit) =>
          term.results.length === 0 ? (
            <Paragraph>{h.noResults}</Paragraph>
          ) : (
            term.results.map((r) => (
              <div key={r.id} data-testid="hrc-result">
                <Heading level={3}>{r.year}</Heading>
                <Paragraph className="rd-prewrap">{r.text}</Paragraph>
                {editable && (
                  <ItemActions
                    name={fmt(h.resultsOf, { year: r.year })}
                    onEdit={() => edit.open(r)}
                    remove={() => deleteResult(r.id, r.version)}
                    onRemoved={edit.close}
                  />
                )}
              </div>
            ))
          )
        }
      </Section>
    </>
  );
}
