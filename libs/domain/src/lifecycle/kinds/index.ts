import type { CaseKind } from '../../case';
import type { Lifecycle } from '../lifecycle-types';
import { COMPLAINT_LIFECYCLE, COMPLAINT_SECOND_LEVEL_LIFECYCLE, DISCIPLINARY_COMPLAINT_LIFECYCLE } from './complaint';
import { DENUNCIATION_LIFECYCLE, DENUNCIATION_REVIEW_LIFECYCLE } from './denunciation';
import { LETTER_LIFECYCLE, RECEPTION_LIFECYCLE, RECOMMENDATION_LIFECYCLE } from './letter-and-reception';

/** One lifecycle table per kind: the whole of what may happen to a case. */
export const LIFECYCLES: Readonly<Record<CaseKind, Lifecycle>> = {
  letter: LETTER_LIFECYCLE,
  complaint: COMPLAINT_LIFECYCLE,
  complaint_second_level: COMPLAINT_SECOND_LEVEL_LIFECYCLE,
  disciplinary_complaint: DISCIPLINARY_COMPLAINT_LIFECYCLE,
  denunciation: DENUNCIATION_LIFECYCLE,
  denunciation_review: DENUNCIATION_REVIEW_LIFECYCLE,
  recommendation: RECOMMENDATION_LIFECYCLE,
  reception: RECEPTION_LIFECYCLE,
};
