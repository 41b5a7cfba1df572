/**
 * Every permission in lamtheo, decided here and nowhere else.
 *
 * A role is granted at a unit and, in one hierarchy, covers that unit's subtree. Whether a
 * role may do an action depends on where the target unit sits relative to the grant's unit:
 * - self: the target is the grant's unit
 * - descendant: the target lies below it (its subtree)
 * - ancestor: the target lies above it
 * - sibling: the target shares its parent
 * - unrelated: anything else
 * The matrix test walks every route × role × relation against this table.
 */
import type { Role } from './actor';

export type Relation = 'self' | 'descendant' | 'ancestor' | 'sibling' | 'unrelated';
export const RELATIONS: readonly Relation[] = ['self', 'descendant', 'ancestor', 'sibling', 'unrelated'];

const ANY: readonly Relation[] = RELATIONS;
const SUBTREE: readonly Relation[] = ['self', 'descendant'];
const SELF: readonly Relation[] = ['self'];
const BELOW: readonly Relation[] = ['descendant'];
const LINE: readonly Relation[] = ['self', 'descendant', 'ancestor'];

type Rule = Partial<Record<Role, readonly Relation[]>>;

const everyone = (relations: readonly Relation[]): Rule => ({
  admin: relations, leader: relations, coordinator: relations, reporter: relations,
  inspector: relations, editor: relations, viewer: relations,
});

export const POLICY = {
  /** See the organization structure (structure is not confidential to members). */
  'org.read': everyone(ANY),
  /** Create units, rename, move, merge, split, dissolve; import units. */
  'org.restructure': { admin: SUBTREE },
  /** See users and their grants at a unit. */
  'user.read': { admin: SUBTREE, leader: SUBTREE },
  /** Create, edit, disable users at a unit; reset their passwords. */
  'user.manage': { admin: SUBTREE },
  /** Grant or revoke a role at a unit. */
  'grant.manage': { admin: SUBTREE },
  /** Revoke someone else's API tokens. */
  'token.manage': { admin: SUBTREE },
  /** Read the audit trail of a unit's subtree. */
  'audit.read': { admin: SUBTREE, inspector: SUBTREE },
  /** See report forms (definitions are not confidential). */
  'report.form.read': everyone(ANY),
  /** Create report forms owned by a unit and publish new versions of them. */
  'report.form.manage': { admin: SUBTREE, leader: SUBTREE, coordinator: SUBTREE },
  /** See the reporting schedules of a unit: its own, its superiors' (what it must report) and its subtree's. */
  'report.schedule.read': everyone(LINE),
  /** Set up who reports what, when and to whom, for a unit's subtree. */
  'report.schedule.manage': { admin: SUBTREE, leader: SUBTREE, coordinator: SUBTREE },
  /** Fill in, import figures into and submit a unit's own report. */
  'report.fill': { reporter: SELF, coordinator: SELF },
  /** See a unit's unsubmitted work (draft, or returned and being corrected): only the unit itself. */
  'report.read.draft': { reporter: SELF, coordinator: SELF, leader: SELF },
  /** See submitted versions of reports in a subtree. */
  'report.read': { admin: SUBTREE, leader: SUBTREE, coordinator: SUBTREE, reporter: SUBTREE, inspector: SUBTREE, viewer: SUBTREE },
  /** Accept or return the reports a unit receives, and mark highlights in them. */
  'report.review': { leader: SELF, coordinator: SELF },
  /** Read consolidated figures, completeness and trends of a subtree. */
  'report.consolidation.read': { admin: SUBTREE, leader: SUBTREE, coordinator: SUBTREE, inspector: SUBTREE, viewer: SUBTREE, reporter: SELF },
  /** Rebuild precomputed rollups from accepted reports. */
  'report.rollup.recompute': { admin: SUBTREE },
  /**
   * The document registry is reference material: every signed-in user reads it (directives,
   * plans, reports once issued; drafts never enter it). The check is made with no unit.
   */
  'document.read': everyone(ANY),
  /**
   * Register and edit documents, their links and attachments. A document issued by one of our
   * units: the office staff (admin, leader, coordinator, editor) of that unit or above it. A
   * document issued outside our tree (Bộ Chính trị, Thủ tướng …): the same roles at any unit,
   * checked with no unit, since everyone cites them and no unit owns them.
   */
  'document.manage': { admin: SUBTREE, leader: SUBTREE, coordinator: SUBTREE, editor: SUBTREE },
  /**
   * Plans. Issued plans are read along the line of command: the issuing unit, the units above it
   * and the units below it — never a sibling. Unissued work (a draft, an open amendment) is seen
   * only by the issuing unit's own people: superiors do not see a subordinate's draft either; they
   * see the child plan once it is issued, and coverage shows the unit as "not issued" until then.
   */
  'plan.read': everyone(LINE),
  'plan.read_draft': everyone(SELF),
  /** See an issued plan that assigns work to the unit (required, lead or coordinating), wherever it sits. */
  'plan.read_assigned': everyone(SELF),
  /** Create and edit drafts, open an amendment, concretize a superior's plan into the unit's own. */
  'plan.draft': { admin: SELF, leader: SELF, coordinator: SELF, reporter: SELF },
  /** Issue a plan or an amendment, close a plan: the issuing unit's leaders. */
  'plan.issue': { admin: SELF, leader: SELF },
  /** Follow a plan's cascade (coverage of the units below it). */
  'plan.coverage': everyone(SUBTREE),
  /** Post progress on a task: the people of the task's lead unit. */
  'plan.progress': { admin: SELF, leader: SELF, coordinator: SELF, reporter: SELF },
  /** Focus-issue registrations: read once submitted along the line; drafts only by the unit. */
  'registration.read': everyone(LINE),
  'registration.read_draft': everyone(SELF),
  /** Register an issue, edit and submit it, post progress and the resolution: the registering unit. */
  'registration.draft': { admin: SELF, leader: SELF, coordinator: SELF, reporter: SELF },
  /** Approve or return a registration, confirm or reopen its resolution: the body it was registered with. */
  'registration.review': { leader: SELF, coordinator: SELF },
  /** Milestone events (conferences, reviews, anniversaries): read along the line, recorded by the organizer. */
  'event.read': everyone(LINE),
  'event.manage': { admin: SELF, leader: SELF, coordinator: SELF, reporter: SELF },
  /** Write news articles of a unit's subtree (drafts, submit for review, upload images, preview). */
  'news.write': { editor: SUBTREE, leader: SUBTREE, coordinator: SUBTREE },
  /** Publish, unpublish, return for rework, and correct published articles of a unit's subtree. */
  'news.publish': { editor: SUBTREE, leader: SUBTREE },
  /** Create and edit the portal's categories held at a unit. */
  'news.category.manage': { editor: SUBTREE, leader: SUBTREE },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function allows(role: Role, action: Action, relation: Relation): boolean {
  const relations: readonly Relation[] | undefined = (POLICY[action] as Rule)[role];
  return relations?.includes(relation) ?? false;
}

/** The relations under which some role may do the action (used to skip needless tree lookups). */
export function relationsFor(role: Role, action: Action): readonly Relation[] {
  return (POLICY[action] as Rule)[role] ?? [];
}

