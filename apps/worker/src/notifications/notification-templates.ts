import { CASE_KIND_LABELS, formatLocalDateVi, isCaseKind, isRole, parseLocalDate, ROLE_LABELS, type ClockName, type LocalizedText } from '@donthu/domain';

/** Notification kinds the outbox holds (libs/persistence writes them; milestone-notifications.ts and the transfer command). */
export const NOTIFICATION_KINDS = [
  'clock.due_soon',
  'clock.due_today',
  'clock.overdue',
  'clock.escalated_inspectorate',
  'clock.escalated_superior',
  'clock.very_overdue',
  'case.transferred',
  'digest.daily',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AgencyRef {
  code: string;
  /** Its name in the directory, when known. */
  name?: string;
}

/**
 * Everything a message may say. Each field is a fact of the case's handling (codes, dates, rules,
 * agencies), never a person's data: no petitioner, denouncer, address, subject or note ever reaches
 * a template, because none is ever copied here (notification-facts.ts picks these fields one by one).
 */
export interface NotificationFacts {
  kind: string;
  caseCode?: string;
  caseKind?: string;
  clock?: string;
  /** Due date of the clock (ISO local date). */
  due?: string;
  rule?: string;
  citation?: string;
  /** What the escalation ladder asks for at this step. */
  action?: LocalizedText;
  escalationStep?: number;
  recipientRole: string;
  recipientAgency: AgencyRef;
  /** Transfers: the agency that sent the case. */
  fromAgency?: AgencyRef;
  /** The daily digest: the officer's clocks that need attention that day. */
  digest?: DigestFacts;
}

/** How a clock stands in a digest: overdue (very overdue: by more than its period again), due today, due soon. */
export const DIGEST_STATES = ['very_overdue', 'overdue', 'due_today', 'due_soon'] as const;
export type DigestState = (typeof DIGEST_STATES)[number];

/** One clock in a digest: codes and dates only. */
export interface DigestItem {
  caseCode: string;
  caseKind: string;
  clock: string;
  rule: string;
  /** The conservative due date (legal-rules.md §1), the one monitoring counts from. */
  due: string;
  state: DigestState;
}

/** What a daily digest row holds (its payload), written by the daily digest activity. */
export interface DigestFacts {
  /** The local date the digest is for. */
  date: string;
  counts: { overdue: number; dueToday: number; dueSoon: number };
  /** The clocks, most urgent first, at most DIGEST_MAX_ITEMS of them. */
  items: DigestItem[];
  /** Clocks left out of `items` (the rest are in the system's lists). */
  omitted: number;
}

export interface RenderedMessage {
  subject: string;
  /** Plain text: Vietnamese first, then English. */
  text: string;
}

/** The statutory clocks in words (libs/domain/src/lifecycle/lifecycle-types.ts CLOCK_NAMES). */
export const CLOCK_LABELS: Record<ClockName, LocalizedText> = {
  processing: { vi: 'xử lý đơn', en: 'processing of the letter' },
  acceptance: { vi: 'thụ lý', en: 'acceptance' },
  initial_processing: { vi: 'xử lý ban đầu thông tin tố cáo', en: 'initial processing of the denunciation' },
  resolution: { vi: 'giải quyết', en: 'resolution' },
  acceptance_notice: { vi: 'thông báo thụ lý tố cáo', en: 'notice of acceptance of the denunciation' },
  suspension_notice: { vi: 'thông báo tạm đình chỉ', en: 'notice of suspension' },
  send_decision: { vi: 'gửi quyết định giải quyết', en: 'sending the decision' },
  send_conclusion: { vi: 'gửi kết luận nội dung tố cáo', en: 'sending the conclusion' },
  publication: { vi: 'công khai kết luận', en: 'publication of the conclusion' },
  transfer_response: { vi: 'xử lý đơn được chuyển đến', en: 'response to a transferred case' },
  reply: { vi: 'trả lời công dân', en: 'reply to the citizen' },
  refusal_notice: { vi: 'thông báo từ chối tiếp', en: 'notice of refusal' },
  appeal_window: { vi: 'khiếu nại lần hai hoặc khởi kiện', en: 'second-level complaint or lawsuit window' },
  finality: { vi: 'hiệu lực của quyết định lần hai', en: 'finality of the second-level decision' },
};

const clockLabel = (clock: string | undefined): LocalizedText =>
  (clock && CLOCK_LABELS[clock as ClockName]) || { vi: clock ? `thời hạn ${clock}` : 'thời hạn', en: clock ? `the ${clock} period` : 'the period' };

const caseKindLabel = (kind: string | undefined): LocalizedText | undefined => (kind && isCaseKind(kind) ? CASE_KIND_LABELS[kind] : undefined);

const roleLabel = (role: string): LocalizedText => (isRole(role) ? ROLE_LABELS[role] : { vi: role, en: role });

/** 2026-12-07 → 07/12/2026 (the form of Vietnamese official documents); anything unparsable as it is. */
function viDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  try {
    return formatLocalDateVi(parseLocalDate(iso));
  } catch {
    return iso;
  }
}

const agencyText = (a: AgencyRef | undefined): string | undefined => (a ? (a.name ? `${a.name} (${a.code})` : a.code) : undefined);

interface Headline {
  subject: LocalizedText;
  lead: LocalizedText;
}

/** The first lines of each kind; the facts block below is common. */
function headline(f: NotificationFacts, code: string): Headline {
  const clock = clockLabel(f.clock);
  const due = viDate(f.due) ?? '—';
  switch (f.kind as NotificationKind) {
    case 'clock.due_soon':
      return {
        subject: { vi: `Sắp đến hạn ${clock.vi}: hồ sơ ${code} (hạn ${due})`, en: `Due soon: ${clock.en} of case ${code} (due ${f.due ?? '—'})` },
        lead: { vi: `Thời hạn ${clock.vi} của hồ sơ ${code} sắp hết: hạn cuối là ngày ${due}.`, en: `The ${clock.en} period of case ${code} ends soon: the due date is ${f.due ?? '—'}.` },
      };
    case 'clock.due_today':
      return {
        subject: { vi: `Hôm nay là hạn cuối ${clock.vi}: hồ sơ ${code}`, en: `Due today: ${clock.en} of case ${code}` },
        lead: { vi: `Hôm nay (${due}) là ngày cuối cùng của thời hạn ${clock.vi} đối với hồ sơ ${code}.`, en: `Today (${f.due ?? '—'}) is the last day of the ${clock.en} period of case ${code}.` },
      };
    case 'clock.overdue':
      return {
        subject: { vi: `Quá hạn ${clock.vi}: hồ sơ ${code} (hạn ${due})`, en: `Overdue: ${clock.en} of case ${code} (was due ${f.due ?? '—'})` },
        lead: { vi: `Hồ sơ ${code} đã quá hạn ${clock.vi}: hạn cuối là ngày ${due}.`, en: `Case ${code} is overdue: its ${clock.en} period ended on ${f.due ?? '—'}.` },
      };
    case 'clock.escalated_inspectorate':
      return {
        subject: { vi: `Báo thanh tra: hồ sơ ${code} quá hạn ${clock.vi} (hạn ${due})`, en: `Escalated to the inspectorate: case ${code} overdue (${clock.en}, due ${f.due ?? '—'})` },
        lead: {
          vi: `Hồ sơ ${code} quá hạn ${clock.vi} (hạn ${due}) và chưa được giải quyết: vụ việc được báo đến thanh tra cùng cấp.`,
          en: `Case ${code} is still overdue (${clock.en}, due ${f.due ?? '—'}): it is escalated to the same-level inspectorate.`,
        },
      };
    case 'clock.escalated_superior':
      return {
        subject: { vi: `Báo cấp trên: hồ sơ ${code} quá hạn ${clock.vi} (hạn ${due})`, en: `Escalated to the superior level: case ${code} overdue (${clock.en}, due ${f.due ?? '—'})` },
        lead: {
          vi: `Hồ sơ ${code} vẫn quá hạn ${clock.vi} (hạn ${due}) sau khi đã báo thanh tra: vụ việc được báo đến cơ quan cấp trên.`,
          en: `Case ${code} is still overdue (${clock.en}, due ${f.due ?? '—'}) after the inspectorate was told: it is escalated to the superior level.`,
        },
      };
    case 'clock.very_overdue':
      return {
        subject: { vi: `Quá hạn nghiêm trọng: hồ sơ ${code} (${clock.vi}, hạn ${due})`, en: `Seriously overdue: case ${code} (${clock.en}, due ${f.due ?? '—'})` },
        lead: {
          vi: `Hồ sơ ${code} đã quá hạn ${clock.vi} thêm một khoảng bằng cả thời hạn luật định (hạn ${due}).`,
          en: `Case ${code} is overdue (${clock.en}) by more than the whole statutory period again (due ${f.due ?? '—'}).`,
        },
      };
    case 'case.transferred': {
      const from = agencyText(f.fromAgency);
      return {
        subject: { vi: `Hồ sơ chuyển đến: ${code}`, en: `Case transferred to you: ${code}` },
        lead: {
          vi: `Hồ sơ ${code}${from ? ` được ${from} chuyển đến` : ' được chuyển đến'} cơ quan của đồng chí để xem xét, xử lý theo thẩm quyền.`,
          en: `Case ${code} has been transferred${from ? ` by ${from}` : ''} to your agency, to be handled within its competence.`,
        },
      };
    }
    default:
      return {
        subject: { vi: `Thông báo về hồ sơ ${code}`, en: `Notification about case ${code}` },
        lead: { vi: `Có thông báo mới (${f.kind}) về hồ sơ ${code}.`, en: `There is a new notification (${f.kind}) about case ${code}.` },
      };
  }
}

const FOOTER_VI = [
  'Đây là thư tự động của hệ thống quản lý đơn thư donthu; vui lòng không trả lời thư này.',
  'Thư không chứa thông tin cá nhân của người khiếu nại, tố cáo, kiến nghị: xem hồ sơ trong hệ thống.',
];
const FOOTER_EN = ['An automatic message of the donthu case system; please do not reply.', 'It holds no personal data of complainants or denouncers: open the case in the system.'];

/** The daily digest (tổng hợp hằng ngày): the officer's overdue, due-today and due-soon clocks. */
function renderDailyDigest(f: NotificationFacts): RenderedMessage {
  const d: DigestFacts = f.digest ?? { date: '', counts: { overdue: 0, dueToday: 0, dueSoon: 0 }, items: [], omitted: 0 };
  const day = viDate(d.date) ?? d.date;
  const role = roleLabel(f.recipientRole);
  const agency = agencyText(f.recipientAgency) ?? f.recipientAgency.code;
  const sections: Array<{ vi: string; en: string; states: readonly DigestState[] }> = [
    { vi: 'Quá hạn', en: 'Overdue', states: ['very_overdue', 'overdue'] },
    { vi: 'Đến hạn hôm nay', en: 'Due today', states: ['due_today'] },
    { vi: 'Sắp đến hạn (trong 3 ngày làm việc)', en: 'Due soon (within 3 working days)', states: ['due_soon'] },
  ];
  const line = (i: DigestItem, lang: 'vi' | 'en'): string => {
    const kind = caseKindLabel(i.caseKind);
    const clock = clockLabel(i.clock);
    const serious = i.state === 'very_overdue' ? (lang === 'vi' ? ' — quá hạn nghiêm trọng' : ' — seriously overdue') : '';
    return lang === 'vi'
      ? `- ${i.caseCode}${kind ? ` — ${kind.vi}` : ''} — ${clock.vi} (${i.rule}) — hạn ${viDate(i.due)}${serious}`
      : `- ${i.caseCode}${kind ? ` — ${kind.en}` : ''} — ${clock.en} (${i.rule}) — due ${i.due}${serious}`;
  };
  const body = (lang: 'vi' | 'en'): string[] =>
    sections.flatMap((section) => {
      const items = d.items.filter((i) => section.states.includes(i.state));
      return items.length === 0 ? [] : [`${section[lang]}:`, ...items.map((i) => line(i, lang)), ''];
    });
  const { overdue, dueToday, dueSoon } = d.counts;
  const vi = [
    `Kính gửi: ${role.vi}, ${agency}`,
    '',
    `Các thời hạn cần chú ý ngày ${day} (hồ sơ được giao cho đồng chí${f.recipientRole === 'agency_head' ? ' và hồ sơ của cơ quan' : ''}): ${overdue} quá hạn, ${dueToday} đến hạn hôm nay, ${dueSoon} sắp đến hạn.`,
    '',
    ...body('vi'),
    ...(d.omitted > 0 ? [`… và ${d.omitted} thời hạn khác: xem danh sách quá hạn trong hệ thống.`, ''] : []),
    ...FOOTER_VI,
  ];
  const en = [
    `To: ${role.en}, ${agency}`,
    '',
    `Periods needing attention on ${d.date} (cases assigned to you${f.recipientRole === 'agency_head' ? ' and your agency’s cases' : ''}): ${overdue} overdue, ${dueToday} due today, ${dueSoon} due soon.`,
    '',
    ...body('en'),
    ...(d.omitted > 0 ? [`… and ${d.omitted} more: see the overdue list in the system.`, ''] : []),
    ...FOOTER_EN,
  ];
  return {
    subject: `[donthu] Tổng hợp thời hạn ngày ${day}: ${overdue} quá hạn, ${dueToday} đến hạn hôm nay, ${dueSoon} sắp đến hạn`,
    text: [...vi, '', '-----', '', ...en, ''].join('\n'),
  };
}

/**
 * Subject and plain-text body of a notification, Vietnamese first then English: the case code,
 * the clock, the due date, the rule and what is expected. Pure: the same facts give the same bytes,
 * so a re-sent message is identical to the first.
 */
export function renderNotification(f: NotificationFacts): RenderedMessage {
  if (f.kind === 'digest.daily') return renderDailyDigest(f);
  const code = f.caseCode ?? '(không rõ mã hồ sơ)';
  const { subject, lead } = headline(f, code);
  const kindLabel = caseKindLabel(f.caseKind);
  const clock = f.clock ? clockLabel(f.clock) : undefined;
  const role = roleLabel(f.recipientRole);
  const agency = agencyText(f.recipientAgency) ?? f.recipientAgency.code;

  const vi: string[] = [
    `Kính gửi: ${role.vi}, ${agency}`,
    '',
    lead.vi,
    '',
    `- Mã hồ sơ: ${code}`,
    ...(kindLabel ? [`- Loại vụ việc: ${kindLabel.vi}`] : []),
    ...(clock ? [`- Thời hạn: ${clock.vi}`] : []),
    ...(f.due ? [`- Hạn cuối: ${viDate(f.due)}`] : []),
    ...(f.rule ? [`- Quy định áp dụng: ${f.rule}${f.citation ? ` (${f.citation})` : ''}`] : []),
    ...(f.escalationStep !== undefined ? [`- Bước đôn đốc: ${f.escalationStep}`] : []),
    ...(f.action ? [`- Việc cần làm: ${f.action.vi}`] : []),
    ...(f.kind === 'case.transferred' && f.fromAgency ? [`- Cơ quan chuyển: ${agencyText(f.fromAgency)}`] : []),
    '',
    ...FOOTER_VI,
  ];
  const en: string[] = [
    `To: ${role.en}, ${agency}`,
    '',
    lead.en,
    '',
    `- Case: ${code}`,
    ...(kindLabel ? [`- Kind: ${kindLabel.en}`] : []),
    ...(clock ? [`- Period: ${clock.en}`] : []),
    ...(f.due ? [`- Due date: ${f.due}`] : []),
    ...(f.rule ? [`- Rule: ${f.rule}`] : []),
    ...(f.escalationStep !== undefined ? [`- Escalation step: ${f.escalationStep}`] : []),
    ...(f.action ? [`- Expected: ${f.action.en}`] : []),
    '',
    ...FOOTER_EN,
  ];
  return { subject: `[donthu] ${subject.vi}`, text: [...vi, '', '-----', '', ...en, ''].join('\n') };
}

/**
 * The Message-ID of a notification's e-mail: derived from the row's id alone, so every send of
 * the same row (a retry after an interrupted attempt) carries the same one and mail clients and
 * servers that de-duplicate by Message-ID show it once (RFC 5322 §3.6.4).
 */
export function notificationMessageId(notificationId: string, domain: string): string {
  return `<${notificationId.toLowerCase()}@${domain.toLowerCase()}>`;
}
