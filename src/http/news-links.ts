/**
 * What news articles may report on, resolved by the modules that own those records: issued plans
 * (by the plans module) and milestone events (by the events module). Registered once when the
 * routes are, so the news module never reads their tables. A task resolves only while it is part
 * of the issued version of its plan (the plans module decides that).
 */
import { SYSTEM_CLI } from '../core/actor';
import { NotFoundError } from '../core/errors';
import { formatVnDate } from '../core/dates';
import * as events from '../modules/events/events.service';
import { registerNewsLinkResolver } from '../modules/news/news.links';
import * as plans from '../modules/plans/plans.service';

export function registerNewsLinks(): void {
  registerNewsLinkResolver('plan', async (db, id) => {
    const plan = (await plans.planRefs(db, [id])).get(id);
    // A plan without a number in the registry has not been issued: nothing to report on publicly.
    if (!plan || !plan.number) return null;
    return { title: `${plan.title} (số ${plan.number})`, url: `/app/plans/${id}` };
  });
  registerNewsLinkResolver('task', async (db, id) => {
    const task = await plans.issuedTaskRef(db, id);
    if (!task) return null;
    return { title: `${task.number}. ${task.title} — ${task.planTitle} (số ${task.planNumber})`, url: `/app/plans/${task.planId}` };
  });
  registerNewsLinkResolver('event', async (db, id) => {
    try {
      const event = await events.getEvent(db, SYSTEM_CLI, id);
      return { title: `${event.title} (${formatVnDate(event.heldOn)})`, url: event.plan ? `/app/events?plan=${event.plan.id}` : '/app/events' };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  });
}
