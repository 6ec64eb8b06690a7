import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { Where, pageOf } from '../core/sql.ts';
import { insertRow, updateRow, type TableSpec } from '../core/write.ts';
import type { Page, PageQuery } from '../shared/schema.ts';
import { assertMayCreateInstruments } from './policy.ts';
import { presentMonitoringBody } from './presenter.ts';
import type { MonitoringBodyRow } from './rows.ts';
import type { MonitoringBody, MonitoringBodyCreate, MonitoringBodyUpdate } from './schema.ts';

export const bodyTable: TableSpec<MonitoringBodyRow, MonitoringBodyCreate> = {
  table: 'monitoring_bodies',
  entity: 'monitoring_body',
  writable: ['code', 'nameEn', 'nameNl', 'system', 'kind', 'source', 'verified'],
};

export async function listBodies(q: Queryable, f: PageQuery): Promise<Page<MonitoringBody>> {
  return pageOf(q, {
    select: '*',
    from: 'monitoring_bodies',
    where: new Where(),
    orderBy: 'system desc, code',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: MonitoringBodyRow) => presentMonitoringBody(r),
  });
}

export async function createBody(db: Db, actor: Actor, input: MonitoringBodyCreate): Promise<MonitoringBody> {
  assertMayCreateInstruments(actor);
  return presentMonitoringBody(await db.transaction((tx) => insertRow(tx, actor, bodyTable, input)));
}

export async function updateBody(
  db: Db,
  actor: Actor,
  id: string,
  input: MonitoringBodyUpdate,
): Promise<MonitoringBody> {
  assertMayCreateInstruments(actor);
  return presentMonitoringBody(await db.transaction((tx) => updateRow(tx, actor, bodyTable, id, input)));
}
