import { z } from 'zod';
import { grant } from '../users/users.contract';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const meResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.number().int(),
  locale: z.string(),
  grants: z.array(grant),
  via: z.enum(['session', 'token']),
  /** Send back in X-CSRF-Token on every state-changing request made with the session cookie. */
  csrfToken: z.string().nullable(),
}).meta({ id: 'Me' });

export const loginResponse = z.object({ user: meResponse, expiresAt: z.string() });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
