import { z } from 'zod';
import { PageQuery, Role, Uuid, VersionInput } from '../shared/schema.ts';

export const User = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: Role,
  organisationId: Uuid.nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

const Email = z.email({ message: 'enter a valid e-mail address' }).max(320);

export const UserCreate = z.object({
  email: Email,
  name: z.string().trim().min(1, 'enter a name').max(200),
  role: Role,
  organisationId: Uuid.nullable().optional(),
  password: z.string().min(12, 'choose a password of at least 12 characters').max(1000),
});
export type UserCreate = z.infer<typeof UserCreate>;
export const UserUpdate = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: Role,
    organisationId: Uuid.nullable(),
    active: z.boolean(),
    password: z.string().min(12, 'choose a password of at least 12 characters').max(1000),
  })
  .partial()
  .extend(VersionInput);
export type UserUpdate = z.infer<typeof UserUpdate>;
export const UserQuery = PageQuery.extend({ role: Role.optional(), q: z.string().max(200).optional() });
export type UserQuery = z.infer<typeof UserQuery>;
