import { AGENCY_CODE_PATTERN, CASE_CODE_PATTERN, CASE_KINDS, validateGroupRepresentatives } from '@donthu/domain';
import { z } from 'zod';
import { RECEIPT_CHANNELS } from '../../lib/labels';

/**
 * The intake form, with the limits of the api's RegisterCaseDto (apps/api/src/cases/register-case)
 * and the domain's own checks (group representatives, Luật TCD Art. 29) run in the browser too,
 * so that the officer sees a problem before saving. The api validates again: it is the authority.
 */
const optionalText = (max: number) => z.string().trim().max(max).optional().or(z.literal(''));

export const partySchema = z.object({
  fullName: z.string().trim().min(1).max(200),
  address: optionalText(500),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/, 'phone')
    .optional()
    .or(z.literal('')),
  email: z.string().trim().email('email').optional().or(z.literal('')),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{9,12}$/, 'idNumber')
    .optional()
    .or(z.literal('')),
});

export const intakeSchema = (today: string) =>
  z
    .object({
      kind: z.enum(CASE_KINDS),
      agencyCode: z.string().regex(AGENCY_CODE_PATTERN, 'agencyCode').min(2).max(40),
      channel: z.enum(RECEIPT_CHANNELS),
      receivedOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
        .refine((d) => d <= today, 'futureDate'),
      subject: z.string().trim().min(1).max(500),
      content: z.string().trim().min(1).max(20000),
      respondentBody: optionalText(300),
      anonymous: z.boolean(),
      petitioner: partySchema.optional(),
      groupSize: z.number().int().min(1).max(100000).optional(),
      representatives: z.array(partySchema).max(5),
      remote: z.boolean(),
      severalSites: z.boolean(),
      parentCaseCode: z.string().trim().regex(CASE_CODE_PATTERN, 'caseCode').optional().or(z.literal('')),
    })
    .superRefine((form, ctx) => {
      if (form.anonymous && form.kind !== 'denunciation') ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'required' });
      if (!form.anonymous && !form.petitioner) ctx.addIssue({ code: 'custom', path: ['petitioner', 'fullName'], message: 'required' });
      if (form.groupSize !== undefined) {
        for (const problem of validateGroupRepresentatives(form.groupSize, form.representatives.length)) {
          ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.reason.vi });
        }
      }
    });

export type IntakeForm = z.infer<ReturnType<typeof intakeSchema>>;

/** The request body of POST /api/v1/cases: empty optional fields left out, the petitioner only when named. */
export function intakeBody(form: IntakeForm): Record<string, unknown> {
  const party = (p: z.infer<typeof partySchema>) => Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, v.trim()]));
  const body: Record<string, unknown> = {
    kind: form.kind,
    agencyCode: form.agencyCode,
    channel: form.channel,
    receivedOn: form.receivedOn,
    subject: form.subject.trim(),
    content: form.content.trim(),
  };
  if (form.respondentBody) body.respondentBody = form.respondentBody.trim();
  if (form.anonymous) body.anonymous = true;
  else if (form.petitioner) body.petitioner = party(form.petitioner);
  if (form.groupSize !== undefined) body.groupSize = form.groupSize;
  if (form.representatives.length > 0) body.representatives = form.representatives.map(party);
  if (form.remote) body.remote = true;
  if (form.severalSites) body.severalSites = true;
  if (form.parentCaseCode) body.parentCaseCode = form.parentCaseCode.trim();
  return body;
}
