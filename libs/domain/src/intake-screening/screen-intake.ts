import type { AgencyLevel, AgencyTree } from '../agencies/agency-tree';
import { parseLocalDate, type LocalizedText } from '../calendar';
import type { CaseKind, CaseStatus } from '../case';
import { complaintCompetence, type ComplaintRespondent } from '../competence/competent-handlers';
import { findLegalGround, type LegalGroundListId } from '../competence/legal-grounds';
import { lifecycleOf } from '../lifecycle/case-machine';
import { ruleVersionAt, type RuleId } from '../rules';
import type { RuleConfidence } from '../rules/rule-types';
import { findNamedAgency, isAboveInHierarchy } from './respondent-agency';
import { INTAKE_FINDING_REASONS, type EarlierCase, type IntakeFinding, type IntakeFindingReason, type IntakeFindingType, type IntakeLink, type IntakeSubject, type SuggestedGround } from './screening-types';

/**
 * When two texts count as "similar content" (pg_trgm scores of the unaccented, lower-cased
 * subject + content; libs/persistence computes them). Measured on Vietnamese letters: the same
 * letter typed without diacritics 1.0, the same matter reworded 0.64, the same person's other
 * matters 0.21–0.45; a letter that repeats an earlier one and adds a page of new facts scores
 * 0.62 in similarity and 1.0 in containment. Containment is only measured when the shorter text
 * has `minContainedChars` characters: a one-line letter is "contained" in almost anything.
 */
export const SIMILAR_CONTENT = { similarity: 0.5, containment: 0.6, minContainedChars: 80 } as const;

/** At most this many linked cases per finding (closest content first). */
export const MAX_LINKS_PER_FINDING = 20;

// Luật Khiếu nại 2011, Điều 7 (trình tự khiếu nại): a first complaint goes to whoever made the
// decision or whose officer acted; the superior hears it only at second level (Điều 33, KN-05).
const KN_SEQUENCE = 'Luật Khiếu nại 2011, Điều 7';

/** What an earlier case's status says about its matter. `split`: a letter classified into cases (they stand for it). */
type MatterState = 'open' | 'resolved' | 'handled' | 'split';

const MATTER_STATE: Readonly<Record<CaseStatus, MatterState>> = {
  received: 'open',
  classified: 'split',
  accepted: 'open',
  verifying: 'open',
  dialogue: 'open',
  suspended: 'open',
  transfer_pending: 'open',
  decided: 'resolved',
  decision_sent: 'resolved',
  concluded: 'resolved',
  conclusion_sent: 'resolved',
  replied: 'resolved',
  closed: 'resolved',
  refused: 'handled',
  transferred: 'handled',
  guided: 'handled',
  filed: 'handled',
  terminated: 'handled',
  checked: 'handled',
  transferred_to_police: 'handled',
};

type Area = 'complaint' | 'denunciation' | 'recommendation' | null;

/** Which law's procedure a kind follows; letters and receptions are not classified yet (any). */
const AREA: Readonly<Record<CaseKind, Area>> = {
  letter: null,
  reception: null,
  complaint: 'complaint',
  complaint_second_level: 'complaint',
  disciplinary_complaint: 'complaint',
  denunciation: 'denunciation',
  denunciation_review: 'denunciation',
  recommendation: 'recommendation',
};

/**
 * A later case can repeat an earlier one of the same procedure; a denunciation can also repeat a
 * lawfully resolved complaint (the complainant now denounces whoever resolved it: accepted only
 * with new information, Luật Tố cáo 2018, Điều 29).
 */
function sameMatter(subject: CaseKind, earlier: CaseKind): boolean {
  const a = AREA[subject];
  const b = AREA[earlier];
  return a === null || b === null || a === b || (a === 'denunciation' && b === 'complaint');
}

/** The complaint respondent a level of government stands for (legal-rules.md §5). */
const RESPONDENT_BY_LEVEL: Partial<Record<AgencyLevel, ComplaintRespondent>> = {
  commune: 'commune_peoples_committee',
  department_unit: 'department_unit',
  department: 'department_director',
  province: 'provincial_chair',
};

interface ReasonText {
  readonly type: IntakeFindingType;
  readonly label: LocalizedText;
  readonly advice: LocalizedText;
}

const REASONS: Readonly<Record<IntakeFindingReason, ReasonText>> = {
  open_case: {
    type: 'possible_duplicate',
    label: { vi: 'Có thể trùng đơn', en: 'Possible duplicate' },
    advice: {
      vi: 'Cùng người gửi (trùng số định danh hoặc số điện thoại) và nội dung tương tự vụ việc đang được giải quyết: một vụ việc không giải quyết hai lần. Xem vụ việc liên kết; đơn gửi nhiều nơi thì lưu đơn hoặc chuyển về nơi đang giải quyết.',
      en: 'Same person (same ID number or phone) and similar content as a case still being handled: a matter is not handled twice. Check the linked case; a letter sent to several agencies is filed or forwarded to where it is handled.',
    },
  },
  resolved_matter: {
    type: 'repeat',
    label: { vi: 'Đơn lặp lại vụ việc đã giải quyết', en: 'Repeat of a matter already resolved' },
    advice: {
      vi: 'Cùng người gửi, nội dung tương tự vụ việc đã được giải quyết hoặc xử lý: không có thông tin, tài liệu, chứng cứ mới thì không thụ lý (căn cứ bên dưới); có tình tiết mới thì ghi rõ khi thụ lý.',
      en: 'Same person, similar content as a matter already resolved or handled: without new information or evidence it is not accepted (grounds below); with new facts, record them when accepting.',
    },
  },
  first_level_decided: {
    type: 'repeat',
    label: { vi: 'Đã có quyết định giải quyết khiếu nại lần đầu', en: 'A first-level decision already exists' },
    advice: {
      vi: 'Nếu không đồng ý với quyết định lần đầu, người khiếu nại khiếu nại lần hai (đăng ký "Khiếu nại lần hai" với mã vụ việc liên kết) hoặc khởi kiện trong thời hạn KN-05; hết thời hạn mà không có lý do chính đáng thì không thụ lý.',
      en: 'If the complainant disagrees with the first-level decision: a second-level complaint (register a complaint_second_level naming the linked case) or a lawsuit within KN-05; after that window, without lawful reason, it is not accepted.',
    },
  },
  first_level_pending: {
    type: 'bypassing_levels',
    label: { vi: 'Có dấu hiệu khiếu nại vượt cấp', en: 'Possibly bypassing levels (complaint)' },
    advice: {
      vi: 'Cùng người, nội dung tương tự đang được giải quyết lần đầu ở cấp dưới và chưa quá hạn: cấp trên chỉ giải quyết lần hai khi đã có quyết định lần đầu hoặc hết thời hạn mà không được giải quyết. Hướng dẫn người khiếu nại chờ kết quả giải quyết lần đầu.',
      en: 'The same person’s similar complaint is being handled at first level below and is not overdue: the superior hears it only at second level, after a first-level decision or once the first-level period has expired. Guide the complainant to await the first-level result.',
    },
  },
  denunciation_pending: {
    type: 'bypassing_levels',
    label: { vi: 'Có dấu hiệu tố cáo vượt cấp', en: 'Possibly bypassing levels (denunciation)' },
    advice: {
      vi: 'Tố cáo có nội dung tương tự đang được giải quyết ở cấp dưới và chưa quá hạn: chỉ tố cáo lên cấp trên khi quá thời hạn mà không được giải quyết, hoặc có căn cứ cho rằng việc giải quyết không đúng pháp luật.',
      en: 'A similar denunciation is being resolved below and is not overdue: it goes to the superior only when overdue, or when its resolution is believed unlawful.',
    },
  },
  respondent_first_level: {
    type: 'bypassing_levels',
    label: { vi: 'Có dấu hiệu khiếu nại vượt cấp', en: 'Possibly bypassing levels (complaint)' },
    advice: {
      vi: 'Cơ quan bị khiếu nại ở cấp dưới là nơi giải quyết lần đầu. Chưa có quyết định giải quyết lần đầu: hướng dẫn người khiếu nại gửi đúng nơi; đã có: đăng ký "Khiếu nại lần hai" với mã vụ việc lần đầu.',
      en: 'The body complained about, below, hears the complaint at first level. Without a first-level decision: guide the complainant there; with one: register a complaint_second_level naming the first-level case.',
    },
  },
};

function groundOf(list: LegalGroundListId, code: string): SuggestedGround {
  const ground = findLegalGround(list, code);
  if (!ground) throw new Error(`legal ground ${list}/${code} is not in libs/domain/src/competence/legal-grounds.ts`);
  return { list, ground };
}

/** The ground list the kind's own refusal command picks from (its lifecycle table). */
function refusalList(kind: CaseKind): LegalGroundListId | undefined {
  return lifecycleOf(kind).transitions.find((t) => t.command === 'refuse')?.grounds;
}

function ruleCitation(rule: RuleId, subject: IntakeSubject): { citation: string; confidence: RuleConfidence } {
  const version = ruleVersionAt(rule, parseLocalDate(subject.receivedOn, 'receivedOn'));
  return { citation: version.citation, confidence: version.confidence };
}

/**
 * Grounds a refusal of a repeat may cite, in the subject kind's own list: a second-level decision
 * already made (Luật KN Art. 11 khoản 7), a termination not pursued within 30 days (khoản 8), a
 * denunciation already resolved without new information (Luật TC Art. 29), a matter resolved and
 * repeated at a reception (Luật TCD Art. 9 khoản 3), a letter already handled (TT 05/2021). A
 * resolved matter brought in person also allows refusing to receive the citizen (Luật TCD Art. 9).
 */
function repeatGrounds(subject: IntakeSubject, earlier: EarlierCase, state: MatterState): SuggestedGround[] {
  const grounds: SuggestedGround[] = [];
  const list = refusalList(subject.kind);
  if (list === 'complaint_refusal') {
    if (earlier.kind === 'complaint_second_level' && state === 'resolved') grounds.push(groundOf(list, 'second_level_decided'));
    else if (earlier.status === 'terminated') grounds.push(groundOf(list, 'termination_notice_30_days'));
    else grounds.push(groundOf('letter_refusal', 'already_handled_no_new_facts'));
  } else if (list === 'denunciation_refusal') {
    grounds.push(groundOf(list, 'not_resolved_without_new_facts'));
  } else if (list === 'reception_refusal') {
    grounds.push(groundOf(list, 'resolved_and_repeated'));
  } else {
    grounds.push(groundOf('letter_refusal', 'already_handled_no_new_facts'));
  }
  if (subject.channel === 'in_person' && state === 'resolved' && list !== 'reception_refusal') grounds.push(groundOf('reception_refusal', 'resolved_and_repeated'));
  return grounds;
}

export function contentScore(earlier: Pick<EarlierCase, 'similarity' | 'containment'>): number {
  return Math.max(earlier.similarity, earlier.containment);
}

export function isSimilarContent(earlier: Pick<EarlierCase, 'similarity' | 'containment'>): boolean {
  return earlier.similarity >= SIMILAR_CONTENT.similarity || earlier.containment >= SIMILAR_CONTENT.containment;
}

interface Draft {
  links: IntakeLink[];
  grounds: SuggestedGround[];
  citation?: { citation: string; confidence: RuleConfidence };
  competentAgencyCode?: string;
}

/**
 * Intake screening (issue #7 item 5): given the case being registered and the earlier cases that
 * share a person with it (found by blind index, never by plain identity) with their content
 * scores, what the intake officer must see before accepting it. Pure: the agency tree and the
 * scores come from the caller. A case it deliberately follows (`parentCaseCode`) is never a
 * finding; neither is an earlier case without a person in common or without similar content.
 */
export function screenIntake(subject: IntakeSubject, earlier: readonly EarlierCase[], tree: AgencyTree): IntakeFinding[] {
  const drafts = new Map<IntakeFindingReason, Draft>();
  const draft = (reason: IntakeFindingReason): Draft => {
    let d = drafts.get(reason);
    if (!d) drafts.set(reason, (d = { links: [], grounds: [] }));
    return d;
  };

  for (const e of earlier) {
    if (e.code === subject.parentCaseCode || e.sharedPersons.length === 0 || !isSimilarContent(e)) continue;
    const state = MATTER_STATE[e.status];
    if (state === 'split') continue;
    const link: IntakeLink = { code: e.code, agencyCode: e.agencyCode, score: contentScore(e), denouncer: e.sharedPersons.some((p) => p.denouncer) };
    if (state === 'open') {
      const d = draft('open_case');
      d.links.push(link);
      // Sent to several agencies: filed where it is not handled (TT 05/2021).
      if (e.agencyCode !== subject.agencyCode) d.grounds.push(groundOf('letter_refusal', 'copy_to_several_agencies'));
      const above = isAboveInHierarchy(tree, subject.agencyCode, e.agencyCode) && !e.overdue;
      if (above && e.kind === 'complaint' && ['complaint', 'letter', 'reception'].includes(subject.kind)) draft('first_level_pending').links.push(link);
      if (above && e.kind === 'denunciation' && ['denunciation', 'letter', 'reception'].includes(subject.kind)) draft('denunciation_pending').links.push(link);
      continue;
    }
    if (!sameMatter(subject.kind, e.kind)) continue;
    if (subject.kind === 'complaint' && e.kind === 'complaint' && state === 'resolved') {
      const d = draft('first_level_decided');
      d.links.push(link);
      d.grounds.push(groundOf('complaint_refusal', 'limitation_expired'));
      continue;
    }
    const d = draft('resolved_matter');
    d.links.push(link);
    d.grounds.push(...repeatGrounds(subject, e, state));
  }

  if (subject.kind === 'complaint') {
    const respondent = findNamedAgency(tree, subject.respondentBody);
    const as = respondent ? RESPONDENT_BY_LEVEL[respondent.level] : undefined;
    if (respondent && as && isAboveInHierarchy(tree, subject.agencyCode, respondent.code)) {
      const competence = complaintCompetence(as);
      drafts.set('respondent_first_level', {
        links: [],
        grounds: [],
        citation: { citation: `${KN_SEQUENCE}; ${competence.citation}`, confidence: competence.confidence },
        competentAgencyCode: respondent.code,
      });
    }
  }

  return INTAKE_FINDING_REASONS.flatMap((reason) => {
    const d = drafts.get(reason);
    return d ? [finish(reason, d, subject)] : [];
  });
}

function finish(reason: IntakeFindingReason, d: Draft, subject: IntakeSubject): IntakeFinding {
  const grounds = [...new Map(d.grounds.map((g) => [`${g.list}/${g.ground.code}`, g])).values()];
  const links = [...d.links].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, MAX_LINKS_PER_FINDING);
  const cited = d.citation ?? citationOf(reason, grounds, subject);
  const { type, label, advice } = REASONS[reason];
  return { type, reason, label, advice, citation: cited.citation, confidence: cited.confidence, links, grounds, ...(d.competentAgencyCode ? { competentAgencyCode: d.competentAgencyCode } : {}) };
}

function citationOf(reason: IntakeFindingReason, grounds: readonly SuggestedGround[], subject: IntakeSubject): { citation: string; confidence: RuleConfidence } {
  const parts: Array<{ citation: string; confidence: RuleConfidence }> = [];
  if (reason === 'first_level_decided') parts.push(ruleCitation('KN-05', subject));
  if (reason === 'first_level_pending') parts.push({ citation: KN_SEQUENCE, confidence: 'confirmed' }, ruleCitation('KN-05', subject));
  if (reason === 'denunciation_pending') parts.push(ruleCitation('TC-09', subject));
  parts.push(...grounds.map((g) => ({ citation: g.ground.citation, confidence: g.ground.confidence })));
  if (reason === 'open_case' && grounds.length === 0) {
    const handledOnce = groundOf('letter_refusal', 'already_handled_no_new_facts').ground;
    parts.push({ citation: handledOnce.citation, confidence: handledOnce.confidence });
  }
  return {
    citation: [...new Set(parts.map((p) => p.citation))].join('; '),
    confidence: parts.some((p) => p.confidence === 'check') ? 'check' : 'confirmed',
  };
}
