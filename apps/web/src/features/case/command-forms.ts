import {
  AGENCY_CODE_PATTERN,
  CASE_KINDS,
  LEGAL_GROUND_LISTS,
  lifecycleOf,
  type CaseCommand,
  type CaseKind,
  type CaseStatus,
  type CommandField,
  type LegalGround,
  type LifecycleTransition,
  type Role,
} from '@donthu/domain';
import { z } from 'zod';

/** What the console needs to offer one action: the lifecycle row, the fields the law asks for, the grounds to pick from. */
export interface ActionSpec {
  command: CaseCommand;
  transition: LifecycleTransition;
  fields: CommandField[];
  grounds: readonly LegalGround[];
}

/**
 * The actions this role may take on the case now: the api's `allowedCommands` (state and guards,
 * computed by the server) narrowed to the transitions whose roles include this one — the
 * lifecycle table (libs/domain/src/lifecycle/kinds) decides both, so the console never offers a
 * button the workflow would refuse with 403.
 */
export function actionsFor(kind: CaseKind, status: CaseStatus, allowed: readonly CaseCommand[], role: Role): ActionSpec[] {
  const transitions = lifecycleOf(kind).transitions;
  const specs: ActionSpec[] = [];
  for (const command of allowed) {
    const transition = transitions.find((t) => t.command === command && t.from.includes(status) && t.roles.includes(role));
    if (!transition) continue;
    specs.push({
      command,
      transition,
      // A note is always possible; when the table requires it, it is not optional.
      fields: [...(transition.requires ?? []).filter((f) => f !== 'note'), 'note'],
      grounds: transition.grounds ? LEGAL_GROUND_LISTS[transition.grounds] : [],
    });
  }
  return specs;
}

/** Limits of the api's command DTOs (apps/api/src/cases/case-commands/command-dtos.ts). */
export function actionSchema(spec: ActionSpec) {
  const required = new Set(spec.transition.requires ?? []);
  const text = (max: number) => z.string().trim().min(1).max(max);
  const maybe = <T extends z.ZodTypeAny>(field: CommandField, schema: T) => (required.has(field) ? schema : z.union([schema, z.literal('')]).optional());
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  return z.object({
    note: maybe('note', text(2000)),
    reason: maybe('reason', text(2000)),
    documentNumber: maybe('documentNumber', text(100)),
    legalGround: maybe('legalGround', z.enum(spec.grounds.length > 0 ? (spec.grounds.map((g) => g.code) as [string, ...string[]]) : ['-'])),
    targetAgency: maybe('targetAgency', z.string().regex(AGENCY_CODE_PATTERN).max(40)),
    assignee: maybe('assignee', z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/)),
    dialogueDate: maybe('dialogueDate', isoDate),
    contents: required.has('contents') ? z.array(z.enum(CASE_KINDS.filter((k) => k !== 'letter' && k !== 'reception') as [string, ...string[]])).min(1) : z.array(z.string()).optional(),
    // Fields added to the lifecycle tables after this form was written are sent as typed (the api validates them).
    priorityFlag: maybe('priorityFlag', text(50)),
    effectiveDate: z.union([isoDate, z.literal('')]).optional(),
  });
}

export type ActionValues = z.infer<ReturnType<typeof actionSchema>>;

/** The request body: only the fields this command takes, empty ones left out. */
export function actionBody(spec: ActionSpec, values: Partial<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of [...spec.fields, 'effectiveDate']) {
    const raw = values[field];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    body[field] = value;
  }
  return body;
}

/** POST /api/v1/cases/:code/<path>: the command's endpoint (snake_case → kebab-case, as command-endpoints.ts). */
export function commandPath(command: CaseCommand): string {
  return command.replace(/_/g, '-');
}
