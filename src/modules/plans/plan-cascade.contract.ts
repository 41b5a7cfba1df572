import { z } from 'zod';
import { PLAN_STATUSES, unitRef } from './plans.contract';

export const COVERAGE_STATES = ['issued_on_time', 'issued_late', 'not_issued', 'overdue'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export const coverageCell = z.object({
  /** The superior plan's task. */
  taskId: z.number().int(),
  /** The unit's issued plan has a task serving it. */
  covered: z.boolean(),
  childTaskIds: z.array(z.number().int()),
  /** The latest progress on those tasks (or their subtasks). */
  latestProgress: z.object({ percent: z.number().int(), reportedOn: z.string() }).nullable(),
});

export interface CoverageRow {
  unit: z.infer<typeof unitRef>;
  required: boolean;
  childPlan: { id: number; title: string; number: string | null; issuedOn: string | null; status: (typeof PLAN_STATUSES)[number] } | null;
  state: CoverageState;
  dueOn: string | null;
  /** Days past the deadline: when it was issued, or today when it still is not. */
  daysLate: number | null;
  coveredCount: number;
  taskCount: number;
  cells: Array<z.infer<typeof coverageCell>>;
  /** The same matrix one level down: the units that must concretize this unit's plan. */
  children: CoverageRow[];
}

export const coverageRow: z.ZodType<CoverageRow> = z.object({
  unit: unitRef,
  required: z.boolean(),
  childPlan: z.object({
    id: z.number().int(), title: z.string(), number: z.string().nullable(), issuedOn: z.string().nullable(), status: z.enum(PLAN_STATUSES),
  }).nullable(),
  state: z.enum(COVERAGE_STATES),
  dueOn: z.string().nullable(),
  daysLate: z.number().int().nullable(),
  coveredCount: z.number().int(),
  taskCount: z.number().int(),
  cells: z.array(coverageCell),
  get children() {
    return z.array(coverageRow);
  },
}).meta({ id: 'CoverageRow' });

export const coverageView = z.object({
  plan: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable(), issuerUnit: unitRef, issuedOn: z.string().nullable() }),
  concretizeDueOn: z.string().nullable(),
  /** Overdue is judged on this day (today in Vietnam). */
  asOf: z.string(),
  /** The plan's tasks: the matrix's columns (leaves are what units are expected to cover). */
  tasks: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string(), depth: z.number().int(), isLeaf: z.boolean() })),
  rows: z.array(coverageRow),
  /** Totals over every level below the plan. */
  rollup: z.object({
    units: z.number().int(),
    issuedOnTime: z.number().int(),
    issuedLate: z.number().int(),
    notIssued: z.number().int(),
    overdue: z.number().int(),
    levels: z.number().int(),
    /** Per task of this plan: units at any level whose issued plans serve it (directly or through their superior's task). */
    tasks: z.array(z.object({ taskId: z.number().int(), unitsCovering: z.number().int() })),
  }),
}).meta({ id: 'Coverage' });
export type CoverageView = z.infer<typeof coverageView>;
