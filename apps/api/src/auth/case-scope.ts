import { NotFoundException } from '@nestjs/common';
import type { Actor } from './actor';

/**
 * A case outside the actor's agencies is answered like a case that does not exist (404): an
 * officer must not even learn that another agency holds a case with that code.
 */
export function assertCaseInScope(actor: Actor, caseAgencyCode: string, code: string): void {
  if (!actor.agencyScope.includes(caseAgencyCode)) {
    throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'code', reason: 'no case with this code' }] });
  }
}
