/** Every capability's routes, registered in one place so the whole API is visible at a glance. */
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../modules/audit/audit.routes';
import { eventRoutes } from '../modules/events/events.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { consolidationRoutes } from '../modules/consolidation/consolidation.routes';
import { notificationRoutes } from '../modules/notifications/notifications.routes';
import { citationRoutes } from '../modules/documents/citations.routes';
import { documentRoutes } from '../modules/documents/documents.routes';
import { newsRoutes } from '../modules/news/news.routes';
import { orgRoutes } from '../modules/orgs/orgs.routes';
import { orgTransferRoutes } from '../modules/orgs/orgs.transfer.routes';
import { planRoutes } from '../modules/plans/plans.routes';
import { registrationRoutes } from '../modules/registrations/registrations.routes';
import { reportFormRoutes } from '../modules/report-forms/report-forms.routes';
import { reportScheduleRoutes } from '../modules/report-schedules/report-schedules.routes';
import { reportRoutes } from '../modules/reports/reports.routes';
import { userRoutes } from '../modules/users/users.routes';
import { portalRoutes } from '../portal/portal.routes';
import { registerNewsLinks } from './news-links';

export async function registerModuleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(orgTransferRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(reportFormRoutes);
  await app.register(reportScheduleRoutes);
  await app.register(reportRoutes);
  await app.register(consolidationRoutes);
  await app.register(notificationRoutes);
  await app.register(documentRoutes);
  await app.register(citationRoutes);
  await app.register(planRoutes);
  await app.register(registrationRoutes);
  await app.register(eventRoutes);
  registerNewsLinks();
  await app.register(newsRoutes);
  await app.register(portalRoutes);
}
