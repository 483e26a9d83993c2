import type { IsoDate, LocalizedText } from '../calendar';
import type { CaseKind, CaseStatus } from '../case';
import type { LegalGround, LegalGroundListId } from '../competence/legal-grounds';
import type { RuleConfidence } from '../rules/rule-types';

/**
 * What intake screening can find about a case before it is accepted (issue #7 item 5):
 * - possible_duplicate: the same person sent similar content that is still being handled (anywhere);
 * - repeat: the same person sent similar content on a matter already resolved or handled;
 * - bypassing_levels (vượt cấp): sent to a higher level while the first level has not decided.
 */
export const INTAKE_FINDING_TYPES = ['possible_duplicate', 'repeat', 'bypassing_levels'] as const;
export type IntakeFindingType = (typeof INTAKE_FINDING_TYPES)[number];

/** Why a finding was made; each reason has one label, one piece of advice and its citation. */
export const INTAKE_FINDING_REASONS = [
  'open_case', // possible_duplicate: a similar case by the same person is still open
  'resolved_matter', // repeat: resolved or handled, refused unless there are new facts
  'first_level_decided', // repeat: a complaint decided at first level comes back as a first-level complaint
  'first_level_pending', // bypassing_levels: a first-level complaint is pending below
  'denunciation_pending', // bypassing_levels: a denunciation is pending below and is not overdue
  'respondent_first_level', // bypassing_levels: the named respondent body is the competent first level, below
] as const;
export type IntakeFindingReason = (typeof INTAKE_FINDING_REASONS)[number];

/** The case being registered (or about to be), as far as screening needs it. */
export interface IntakeSubject {
  readonly kind: CaseKind;
  /** The receiving agency. */
  readonly agencyCode: string;
  readonly receivedOn: IsoDate;
  /** in_person: a refusal to receive the citizen (Luật TCD Art. 9) is suggested on a repeat. */
  readonly channel: string;
  /** The case it deliberately follows (second-level complaint, denunciation review): never a finding. */
  readonly parentCaseCode?: string | null;
  /** Cơ quan bị khiếu nại, as the officer typed it: matched against the agency names. */
  readonly respondentBody?: string | null;
}

/** Which blind index matched: the ID number's or the phone's (libs/vault; never the values). */
export type IdentityField = 'id_number' | 'phone';

/** A person on the earlier case who is the same person as one on the subject (by blind index). */
export interface SharedPerson {
  /** The person is the denouncer there: the link is secret (Luật Tố cáo 2018, Art. 47–48). */
  readonly denouncer: boolean;
  readonly matchedOn: readonly IdentityField[];
}

/** An earlier case found by the same person's blind index, with how close its content is. */
export interface EarlierCase {
  readonly code: string;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  /** The agency that holds it now. */
  readonly agencyCode: string;
  readonly receivedOn: IsoDate;
  /** A running agency clock is overdue (the denouncer or complainant may then go up a level). */
  readonly overdue: boolean;
  readonly parentCaseCode: string | null;
  /** pg_trgm similarity of the two unaccented, lower-cased subject + content texts (0–1). */
  readonly similarity: number;
  /** pg_trgm word_similarity of the shorter text within the longer (0–1); 0 when the shorter is too short to tell. */
  readonly containment: number;
  /** Empty: no person in common (then nothing is found from this case). */
  readonly sharedPersons: readonly SharedPerson[];
}

/** A legal ground suggested for a refusal, from the lists in libs/domain/src/competence. */
export interface SuggestedGround {
  readonly list: LegalGroundListId;
  readonly ground: LegalGround;
}

export interface IntakeLink {
  readonly code: string;
  readonly agencyCode: string;
  /** Content score: max(similarity, containment). */
  readonly score: number;
  /** The person in common is the denouncer of the linked case: the api audits that disclosure. */
  readonly denouncer: boolean;
}

export interface IntakeFinding {
  readonly type: IntakeFindingType;
  readonly reason: IntakeFindingReason;
  readonly label: LocalizedText;
  readonly advice: LocalizedText;
  readonly citation: string;
  readonly confidence: RuleConfidence;
  /** Earlier cases behind the finding, closest content first (empty for respondent_first_level). */
  readonly links: readonly IntakeLink[];
  /** repeat: grounds the refusal may cite if the officer finds no new facts. */
  readonly grounds: readonly SuggestedGround[];
  /** respondent_first_level: the agency competent at first level. */
  readonly competentAgencyCode?: string;
}
