import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract';
import {
  createKindBody, createUnitBody, dissolveBody, hierarchy, lineage, mergeBody, moveBody, orgKind, orgTreeQuery,
  orgTreeResponse, orgUnit, orgUnitDetail, renameBody, restructureResult, splitBody, unitDetailQuery,
} from './orgs.contract';
import * as orgs from './orgs.service';

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organization'];

  r.get('/api/v1/org-units', {
    schema: { tags, summary: 'Units of a hierarchy as of a date, with their parent then', querystring: orgTreeQuery, response: { 200: orgTreeResponse } },
  }, async (req) => app.read((db) => orgs.listUnits(db, req.actor, req.query)));

  r.get('/api/v1/org-units/:id', {
    schema: { tags, summary: 'One unit: names and parents over time, ancestors, lineage', params: idParams, querystring: unitDetailQuery, response: { 200: orgUnitDetail } },
  }, async (req) => app.read((db) => orgs.getUnit(db, req.actor, req.params.id, req.query.asOf)));

  r.get('/api/v1/org-units/:id/lineage', {
    schema: { tags, summary: 'What the unit came from and what became of it', params: idParams, response: { 200: lineage } },
  }, async (req) => app.read((db) => orgs.getLineage(db, req.actor, req.params.id)));

  r.post('/api/v1/org-units', {
    schema: { tags, summary: 'Create a unit under a parent', body: createUnitBody, response: { 201: orgUnit } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => orgs.createUnit(db, req.actor, req.body))));

  r.post('/api/v1/org-units/:id/rename', {
    schema: { tags, summary: 'Rename (or change kind) from a date; the old name stays in history', params: idParams, body: renameBody, response: { 200: restructureResult } },
  }, async (req) => app.write((db) => orgs.renameUnit(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/org-units/:id/move', {
    schema: { tags, summary: 'Move under another parent from a date', params: idParams, body: moveBody, response: { 200: restructureResult } },
  }, async (req) => app.write((db) => orgs.moveUnit(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/org-units/:id/split', {
    schema: { tags, summary: 'Split a unit into new units, distributing its children', params: idParams, body: splitBody, response: { 200: restructureResult } },
  }, async (req) => app.write((db) => orgs.splitUnit(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/org-units/:id/dissolve', {
    schema: { tags, summary: 'Dissolve a unit from a date, optionally naming a successor', params: idParams, body: dissolveBody, response: { 200: restructureResult } },
  }, async (req) => app.write((db) => orgs.dissolveUnit(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/org-merges', {
    schema: { tags, summary: 'Merge units into an existing or a new unit', body: mergeBody, response: { 200: restructureResult } },
  }, async (req) => app.write((db) => orgs.mergeUnits(db, req.actor, req.body)));

  r.get('/api/v1/org-kinds', {
    schema: { tags, summary: 'Kinds of units', response: { 200: z.array(orgKind) } },
  }, async (req) => app.read((db) => orgs.listKinds(db, req.actor)));

  r.post('/api/v1/org-kinds', {
    schema: { tags, summary: 'Add a custom kind of unit', body: createKindBody, response: { 201: orgKind } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => orgs.createKind(db, req.actor, req.body))));

  r.get('/api/v1/org-hierarchies', {
    schema: { tags, summary: 'Hierarchies (party, state …)', response: { 200: z.array(hierarchy) } },
  }, async (req) => app.read((db) => orgs.listHierarchies(db, req.actor)));
}
