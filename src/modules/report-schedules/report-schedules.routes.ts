import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract';
import { createScheduleBody, reportingUnit, reportingUnitsQuery, schedule, scheduleQuery, updateScheduleBody } from './report-schedules.contract';
import * as schedules from './report-schedules.service';
import { reportingUnitsFor } from './report-schedules.structure';

export async function reportScheduleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];

  r.get('/api/v1/report-schedules', {
    schema: { tags, summary: "Schedules of a unit (its own and its superiors') or of a plan", querystring: scheduleQuery, response: { 200: z.array(schedule) } },
  }, async (req) => app.read((db) => schedules.listSchedules(db, req.actor, req.query)));

  r.post('/api/v1/report-schedules', {
    schema: { tags, summary: 'Attach a form to a plan: periods, deadline, reporting units, recipient', body: createScheduleBody, response: { 201: schedule } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => schedules.createSchedule(db, req.actor, req.body))));

  r.get('/api/v1/report-schedules/:id', {
    schema: { tags, summary: 'One schedule with its periods and deadlines', params: idParams, response: { 200: schedule } },
  }, async (req) => app.read((db) => schedules.getSchedule(db, req.actor, req.params.id)));

  r.patch('/api/v1/report-schedules/:id', {
    schema: { tags, summary: 'Change a schedule', params: idParams, body: updateScheduleBody, response: { 200: schedule } },
  }, async (req) => app.write((db) => schedules.updateSchedule(db, req.actor, req.params.id, req.body)));

  r.get('/api/v1/report-schedules/:id/units', {
    schema: { tags, summary: 'Who must report in a period and to whom (tree at the period end)', params: idParams, querystring: reportingUnitsQuery, response: { 200: z.array(reportingUnit) } },
  }, async (req) => app.read((db) => reportingUnitsFor(db, req.actor, req.params.id, req.query.period)));
}
