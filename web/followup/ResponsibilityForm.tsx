import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DataList, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { KingdomCode, type FollowUp, type ResponsibilityInput } from '../../src/followup/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useOrganisationOptions, useOrganisations } from '../lib/organisations.ts';
import { CheckboxField, FormPanel, SelectField, useSubmit } from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { fetchFollowUp, followUpKey, saveResponsibility } from './api.ts';
import { ConflictView } from './ConflictView.tsx';
import '../i18n/followup-texts.ts';

interface Values {
  lead: string;
  co: string[];
  kingdom: string[];
}
const valuesOf = (fu: FollowUp): Values => ({
  lead: fu.lead?.id ?? '',
  co: fu.coResponsible.map((o) => o.id),
  kingdom: [...fu.kingdomCountries],
});
const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((x) => x !== value);

/** Who is responsible, read-only: lead, co-responsible organisations, Kingdom countries. */
export function ResponsibilityFacts({ fu }: { fu: FollowUp }) {
  const { t, name } = useI18n();
  const orgs = (list: FollowUp['coResponsible']) =>
    list.length ? list.map((o) => `${name(o)} (${o.code})`).join(', ') : t.common.none;
  return (
    <DataList className="rd-facts" data-testid="responsibility-facts">
      <Fact label={t.followUp.lead}>{fu.lead ? `${name(fu.lead)} (${fu.lead.code})` : t.common.none}</Fact>
      <Fact label={t.followUp.coResponsible}>{orgs(fu.coResponsible)}</Fact>
      <Fact label={t.followUp.kingdomCountries}>
        {fu.kingdomCountries.length
          ? fu.kingdomCountries.map((c) => t.followUp.kingdom[c] ?? c).join(', ')
          : t.common.none}
      </Fact>
    </DataList>
  );
}

/**
 * Changing who is responsible: the lead (for those who may change it), the co-responsible ministries
 * and the Kingdom countries concerned. A save after someone else's shows both versions.
 */
export function ResponsibilityForm({ fu }: { fu: FollowUp }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const leadOptions = useOrganisationOptions(t.followUp.noLead);
  const all = useOrganisations().data?.items ?? [];
  const [values, setValues] = useState<Values>(() => valuesOf(fu));
  const [seen, setSeen] = useState(fu.version);
  const [conflict, setConflict] = useState<{ mine: Values; theirs: FollowUp } | null>(null);

  // The ministries (and whatever is chosen already) may share the responsibility.
  const coChoices = all
    .filter((o) => (o.kind === 'ministry' && o.current) || values.co.includes(o.id))
    .filter((o) => o.id !== values.lead)
    .sort((a, b) => name(a).localeCompare(name(b)));

  const submit = useSubmit<{ saved: boolean }, Values | undefined>({
    action: async (override) => {
      const v = override ?? values;
      const body: ResponsibilityInput = {
        ...(fu.abilities.changeLead ? { leadOrganisationId: v.lead || null } : {}),
        ...(fu.abilities.editResponsibility
          ? { coResponsibleIds: v.co, kingdomCountries: v.kingdom as KingdomCode[] }
          : {}),
        version: seen,
      };
      try {
        await saveResponsibility(fu.recommendationId, body);
      } catch (err) {
        if (!(err instanceof ApiError && err.isStale)) throw err;
        const current = await fetchFollowUp(fu.recommendationId);
        qc.setQueryData(followUpKey(fu.recommendationId), current);
        setSeen(current.version);
        setConflict({ mine: v, theirs: current });
        return { saved: false };
      }
      const current = await fetchFollowUp(fu.recommendationId);
      qc.setQueryData(followUpKey(fu.recommendationId), current);
      setSeen(current.version);
      setValues(valuesOf(current));
      setConflict(null);
      return { saved: true };
    },
    success: (r) => (r.saved ? t.followUp.responsibilitySaved : ''),
  });

  const orgText = (ids: string[]) =>
    ids
      .map((id) => all.find((o) => o.id === id))
      .map((o) => (o ? `${name(o)} (${o.code})` : ''))
      .filter(Boolean)
      .join(', ');
  const theirs = conflict ? valuesOf(conflict.theirs) : null;

  return (
    <>
      {conflict && theirs && (
        <ConflictView
          busy={submit.busy}
          rows={[
            { label: t.followUp.lead, mine: orgText([conflict.mine.lead]), theirs: orgText([theirs.lead]) },
            { label: t.followUp.coResponsible, mine: orgText(conflict.mine.co), theirs: orgText(theirs.co) },
            {
              label: t.followUp.kingdomCountries,
              mine: conflict.mine.kingdom.map((c) => t.followUp.kingdom[c] ?? c).join(', '),
              theirs: theirs.kingdom.map((c) => t.followUp.kingdom[c] ?? c).join(', '),
            },
          ]}
          onKeepMine={() => {
            setValues(conflict.mine);
            void submit.run(conflict.mine);
          }}
          onTakeTheirs={() => {
            setValues(theirs);
            setConflict(null);
          }}
        />
      )}
      <FormPanel
        title={t.followUp.responsibilityHeading}
        headingLevel={3}
        submit={submit}
        submitLabel={t.followUp.saveResponsibility}
        testId="responsibility-form"
        successTestId="responsibility-saved"
      >
        {fu.abilities.changeLead ? (
          <SelectField
            label={t.followUp.lead}
            name="leadOrganisationId"
            error={submit.fieldErrors.leadOrganisationId}
            value={values.lead}
            onChange={(lead) => setValues((v) => ({ ...v, lead, co: v.co.filter((id) => id !== lead) }))}
            options={leadOptions}
          />
        ) : (
          <DataList className="rd-facts">
            <Fact label={t.followUp.lead}>{orgText([values.lead]) || t.common.none}</Fact>
          </DataList>
        )}
        {fu.abilities.editResponsibility && (
          <>
            <Fieldset>
              <FieldsetLegend>{t.followUp.coResponsible}</FieldsetLegend>
              <div className="rd-fu-choices" data-testid="co-responsible">
                {coChoices.map((o) => (
                  <CheckboxField
                    key={o.id}
                    name="coResponsibleIds"
                    label={`${name(o)} (${o.code})`}
                    checked={values.co.includes(o.id)}
                    onChange={(on) => setValues((v) => ({ ...v, co: toggle(v.co, o.id, on) }))}
                  />
                ))}
              </div>
            </Fieldset>
            <Fieldset>
              <FieldsetLegend>{t.followUp.kingdomCountries}</FieldsetLegend>
              <div className="rd-fu-choices" data-testid="kingdom-countries">
                {KingdomCode.options.map((c) => (
                  <CheckboxField
                    key={c}
                    name="kingdomCountries"
                    label={t.followUp.kingdom[c] ?? c}
                    checked={values.kingdom.includes(c)}
                    onChange={(on) => setValues((v) => ({ ...v, kingdom: toggle(v.kingdom, c, on) }))}
                  />
                ))}
              </div>
            </Fieldset>
          </>
        )}
      </FormPanel>
    </>
  );
}
