import { RegisterCaseDto } from '../cases/register-case/register-case.dto';

/**
 * The registration's own body, validated the same way: the officer's form is screened exactly as
 * it is about to be registered (the same JSON goes to POST /api/v1/cases after). Screening reads
 * kind, agency, channel, date, subject, content, respondent body, petitioner, representatives and
 * the linked case; the other fields are accepted and ignored.
 */
export class ScreenIntakeDto extends RegisterCaseDto {}
