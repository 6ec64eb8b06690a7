/** Who is acting: a signed-in user, the command line, or the system itself (seeding, migrations). */
export interface Actor {
  id: string | null;
  label: string;
  role: 'admin' | 'coordinator' | 'contributor' | 'observer' | 'system';
  organisationId: string | null;
  /** The code of the actor's organisation (e.g. "BZK"), so that policies decide without a query. */
  organisationCode: string | null;
}

export const systemActor = (label = 'system'): Actor => ({
  id: null,
  label,
  role: 'system',
  organisationId: null,
  organisationCode: null,
});
