import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { CaseView } from '../case-views';
import { decodeCursor, encodeCursor } from './case-list-cursor';
import { ListCasesQuery } from './list-cases.query';
import { findCasePage } from './list-cases.repository';

/** One page of the case list. */
export class CaseListPageView {
  @ApiProperty({ type: [CaseView] }) items!: CaseView[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

@ApiTags('cases')
@Controller('api/v1/cases')
export class ListCasesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Danh sách vụ việc / cases, nearest deadline first',
    description:
      'The officer’s inbox: sorted by nextDueOn (cases without a running clock last), then code. ' +
      'With `q`, a search of subject and content with or without diacritics ("dat dai" finds "đất đai"), most relevant first (how well the subject matches: pg_trgm word similarity), then in inbox order; the other filters still apply. ' +
      'Cursor pagination: pass the page’s nextCursor as `cursor` to get the next one; a page never repeats or skips a case whose due date did not change in between.',
  })
  @ApiOkResponse({ type: CaseListPageView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'An unknown kind or status, a malformed date, agency or cursor, a limit outside 1–200, a q shorter than 2 or longer than 200 characters or without a letter or digit, an unknown parameter' })
  @RequirePermission('list_cases')
  async list(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor): Promise<CaseListPageView> {
    const { kind, status, agency, dueBefore, overdue, limit, cursor, q } = query;
    const { rows, next } = await findCasePage(
      this.dataSource.manager,
      { kind, status, agency, dueBefore, overdue, q },
      { limit, after: cursor === undefined ? undefined : decodeCursor(cursor) },
      // Jurisdiction: the agencies the actor may see (an inspectorate: its level and below).
      { agencyCodes: actor.agencyScope },
    );
    return { items: rows.map((row) => CaseView.of(row)), nextCursor: next ? encodeCursor(next) : null };
  }
}
