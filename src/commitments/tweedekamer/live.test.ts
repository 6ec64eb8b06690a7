import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { fetchMotions, motionsUrl, ODATA_BASE } from './live.ts';

const zaak = (id: string, nummer: string) => ({
  Id: id,
  Nummer: nummer,
  Soort: 'Motie',
  Onderwerp: `Motie van het lid A over mensenrechten ${nummer}`,
  GestartOp: '2024-02-01T00:00:00+01:00',
  ZaakActor: [{ ActorNaam: 'X. A', ActorFractie: 'P', Relatie: 'Indiener' }],
  Besluit: [
    {
      Id: `b-${id}`,
      BesluitSoort: 'Stemmen - aangenomen',
      StemmingsSoort: 'Met handopsteken',
      Stemming: [{ Id: `s-${id}`, Soort: 'Voor', FractieGrootte: 150, ActorNaam: 'P', ActorFractie: 'P' }],
    },
  ],
});

let server: http.Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/api/Zaak' && !url.searchParams.has('$skip')) {
      send(200, { value: [zaak('z1', '2024Z00001')], '@odata.nextLink': `${base}/Zaak?$skip=250` });
    } else if (url.pathname === '/api/Zaak') {
      send(200, { value: [zaak('z2', '2024Z00002')] });
    } else if (url.pathname === '/foreign/Zaak') {
      send(200, { value: [], '@odata.nextLink': 'http://example.org/OData/Zaak?$skip=1' });
    } else if (url.pathname === '/broken/Zaak') {
      send(500, 'nope');
    } else if (url.pathname === '/garbage/Zaak') {
      send(200, '<html>');
    } else if (url.pathname === '/loop/Zaak') {
      send(200, { value: [], '@odata.nextLink': `/loop/Zaak?$skip=1` });
    }
    // /slow/ never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('the OData query', () => {
  it('asks for motions changed since a day in Dutch time, on the topic, with what a motion needs', () => {
    const url = new URL(motionsUrl({ since: '2023-07-01', topic: "mensenrecht'" }));
    expect(url.origin + url.pathname).toBe(`${ODATA_BASE}/Zaak`);
    const filter = url.searchParams.get('$filter');
    expect(filter).toBe(
      "Verwijderd eq false and Soort eq 'Motie' and GewijzigdOp ge 2023-07-01T00:00:00+02:00 and " +
        "(contains(Onderwerp,'mensenrecht''') or contains(Titel,'mensenrecht'''))",
    );
    expect(url.searchParams.get('$expand')).toBe(
      "ZaakActor($filter=Relatie eq 'Indiener' or Relatie eq 'MedeIndiener')," +
        'Besluit($filter=Verwijderd eq false;$expand=Stemming($filter=Verwijderd eq false)),Kamerstukdossier,' +
        "Document($filter=Soort eq 'Motie' or Soort eq 'Motie (gewijzigd/nader)')",
    );
    expect(new URL(motionsUrl({ since: '2024-01-15', topic: 'x' })).searchParams.get('$filter')).toContain(
      'GewijzigdOp ge 2024-01-15T00:00:00+01:00',
    );
    expect(() => motionsUrl({ since: '15-01-2024', topic: 'x' })).toThrow(RangeError);
  });
});

describe('fetchMotions against a local server', () => {
  it('follows @odata.nextLink and reads every page', async () => {
    requests.length = 0;
    const r = await fetchMotions({ since: '2024-01-01', topic: 'mensenrecht', baseUrl: base });
    expect(r.pages).toBe(2);
    expect(r.motions.map((m) => [m.number, m.outcome, m.submitters])).toEqual([
      ['2024Z00001', 'adopted', ['X. A (P)']],
      ['2024Z00002', 'adopted', ['X. A (P)']],
    ]);
    expect(r.warnings).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(new URL(requests[0]!, 'http://x').searchParams.get('$filter')).toContain(
      "contains(Onderwerp,'mensenrecht')",
    );
    expect(requests[1]).toBe('/api/Zaak?$skip=250');
  });

  it('does not follow a link to another server, nor a link that loops for ever', async () => {
    const origin = base.replace(/\/api$/, '');
    const foreign = await fetchMotions({ since: '2024-01-01', topic: 'x', baseUrl: `${origin}/foreign` });
    expect(foreign.pages).toBe(1);
    expect(foreign.warnings[0]!.record).toBe('http://example.org/OData/Zaak?$skip=1');
    const loop = await fetchMotions({
      since: '2024-01-01',
      topic: 'x',
      baseUrl: `${origin}/loop`,
      maxPages: 3,
    });
    expect(loop.pages).toBe(3);
    expect(loop.warnings).toHaveLength(1);
  });

  it('says clearly when the API cannot be reached, does not answer in time, or fails', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await failure(
      fetchMotions({ since: '2024-01-01', topic: 'x', baseUrl: `http://127.0.0.1:${port}/api` }),
    );
    expect(down).toMatchObject({
      status: 502,
      code: 'tweedekamer.unreachable',
      params: { reason: 'ECONNREFUSED' },
    });

    const origin = base.replace(/\/api$/, '');
    const slow = await failure(
      fetchMotions({ since: '2024-01-01', topic: 'x', baseUrl: `${origin}/slow`, timeoutMs: 300 }),
    );
    expect(slow).toMatchObject({
      code: 'tweedekamer.unreachable',
      params: { reason: 'geen antwoord binnen 300 ms' },
    });

    const broken = await failure(
      fetchMotions({ since: '2024-01-01', topic: 'x', baseUrl: `${origin}/broken` }),
    );
    expect(broken).toMatchObject({ code: 'tweedekamer.api_failed', params: { status: 500 } });
    const garbage = await failure(
      fetchMotions({ since: '2024-01-01', topic: 'x', baseUrl: `${origin}/garbage` }),
    );
    expect(garbage.code).toBe('tweedekamer.not_odata');
  });
});
