import { z } from 'zod';
import { Role, Uuid } from '../shared/schema.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(1, 'enter your e-mail address').max(320),
  password: z.string().min(1, 'enter your password').max(1000),
});

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: Role,
  organisationId: Uuid.nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(12, 'choose a password of at least 12 characters').max(1000),
});
