import type { CaseKind } from '../../case';
import type { Lifecycle } from '../lifecycle-types';
import { COMPLAINT_LIFECYCLE, COMPLAINT_SECOND_LEVEL_LIFECYCLE, DISCIPLINARY_COMPLAINT_LIFECYCLE } from './complaint';
import { DENUNCIATION_LIFECYCLE, DENUNCIATION_REVIEW_LIFECYCLE } from './denunciation';
import { LETTER_LIFECYCLE, RECEPTION_LIFECYCLE, RECOMMENDATION_LIFECYCLE } from './letter-and-reception';
import { withPriorityFlagging } from './shared';

/** One lifecycle table per kind: the whole of what may happen to a case (every open case can also be flagged for priority monitoring). */
export const LIFECYCLES: Readonly<Record<CaseKind, Lifecycle>> = {
  letter: withPriorityFlagging(LETTER_LIFECYCLE),
  complaint: withPriorityFlagging(COMPLAINT_LIFECYCLE),
  complaint_second_level: withPriorityFlagging(COMPLAINT_SECOND_LEVEL_LIFECYCLE),
  disciplinary_complaint: withPriorityFlagging(DISCIPLINARY_COMPLAINT_LIFECYCLE),
  denunciation: withPriorityFlagging(DENUNCIATION_LIFECYCLE),
  denunciation_review: withPriorityFlagging(DENUNCIATION_REVIEW_LIFECYCLE),
  recommendation: withPriorityFlagging(RECOMMENDATION_LIFECYCLE),
  reception: withPriorityFlagging(RECEPTION_LIFECYCLE),
};
