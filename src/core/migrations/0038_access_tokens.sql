-- Personal access tokens for scripts and integrations (src/tokens): a user's own, or a service
-- account's made by an administrator. Only the SHA-256 of a token is stored; the token itself
-- ("rd_" + 32 random bytes, base64url) is shown once, when made. A request with
-- `Authorization: Bearer rd_...` acts as the token's user (src/tokens/auth.ts).

-- A service account: a user of an organisation that scripts act as; it never signs in with a password.
alter table users add column service_account boolean not null default false;

create table access_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  name text not null check (length(trim(name)) > 0 and length(name) <= 100),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  -- The first characters of the token ("rd_ab12"), so that a user recognises it in a list.
  prefix text not null,
  scope text not null check (scope in ('read', 'write')),
  expires_at timestamptz not null,
  created_by uuid references users(id) on delete set null,
  last_used_at timestamptz,
  revoked_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (expires_at <= created_at + interval '367 days')
);
create index access_tokens_user_idx on access_tokens (user_id, created_at desc);
