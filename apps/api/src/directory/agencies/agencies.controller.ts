import { Body, ConflictException, Controller, Get, NotFoundException, Param, Patch, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AgencyTree } from '@donthu/domain';
import { AgencyEntity, appendNextAuditEvent } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { AgencyDirectory } from '../../auth/agency-directory.service';
import { ApiErrorBody } from '../../common/api-error';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './agency.dto';

/** The agency hierarchy (routing, escalation, jurisdictions): read by every officer, edited by an administrator. */
@ApiTags('directory')
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: AgencyDirectory,
  ) {}

  @Get()
  @RequirePermission('read_agencies')
  @ApiOperation({ summary: 'Danh mục cơ quan / the agency hierarchy' })
  @ApiOkResponse({ type: [AgencyView] })
  async list(): Promise<AgencyView[]> {
    const rows = await this.dataSource.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
    const tree = await this.directory.tree();
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, active: r.active, inspectorate: tree.inspectorateFor(r.code)?.code ?? null, superior: tree.superior(r.code)?.code ?? null }));
  }

  @Post()
  @RequirePermission('manage_agencies')
  @ApiOperation({ summary: 'Thêm cơ quan / add an agency' })
  @ApiCreatedResponse({ type: AgencyView })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'The code exists' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'Unknown parent agency' })
  async create(@Body() dto: CreateAgencyDto, @CurrentActor() actor: Actor): Promise<AgencyView> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.findOne(AgencyEntity, { where: { code: dto.code } })) throw new ConflictException({ message: `Agency ${dto.code} exists`, errors: [{ field: 'code', reason: 'already exists' }] });
      if (!(await manager.findOne(AgencyEntity, { where: { code: dto.parentCode } }))) throw new UnprocessableEntityException({ message: 'Unknown parent', errors: [{ field: 'parentCode', reason: 'no agency with this code' }] });
      await manager.save(manager.create(AgencyEntity, { ...dto, active: true }));
      await appendNextAuditEvent(manager, { streamType: 'agency', streamId: dto.code, type: 'agency.created', actor: actor.id, payload: { ...dto } });
    });
    await this.directory.refresh();
    return { ...dto, active: true };
  }

  @Patch(':agencyCode')
  @RequirePermission('manage_agencies')
  @ApiOperation({ summary: 'Sửa cơ quan / rename, move or deactivate an agency' })
  @ApiOkResponse({ type: AgencyView })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No agency with this code' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'Unknown parent, or a move that would make a cycle' })
  async update(@Param('agencyCode') agencyCode: string, @Body() dto: UpdateAgencyDto, @CurrentActor() actor: Actor): Promise<AgencyView> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(AgencyEntity, { where: { code: agencyCode } });
      if (!current) throw new NotFoundException({ message: `Agency ${agencyCode} not found`, errors: [{ field: 'agencyCode', reason: 'no agency with this code' }] });
      if (dto.parentCode !== undefined) {
        const all = await manager.find(AgencyEntity);
        if (!all.some((a) => a.code === dto.parentCode)) throw new UnprocessableEntityException({ message: 'Unknown parent', errors: [{ field: 'parentCode', reason: 'no agency with this code' }] });
        // A move under its own subtree would make a cycle.
        if (new AgencyTree(all.map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parentCode }))).subtree(agencyCode).includes(dto.parentCode)) {
          throw new UnprocessableEntityException({ message: 'An agency cannot sit under itself', errors: [{ field: 'parentCode', reason: 'would create a cycle' }] });
        }
      }
      const before = { name: current.name, parentCode: current.parentCode, active: current.active };
      // Only the fields the request gave: an absent one must not overwrite (or blank) the stored value.
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as UpdateAgencyDto;
      const after = { ...before, ...changes };
      if (Object.keys(changes).length > 0) await manager.update(AgencyEntity, { code: agencyCode }, changes);
      await appendNextAuditEvent(manager, { streamType: 'agency', streamId: agencyCode, type: 'agency.updated', actor: actor.id, payload: { before, after } });
      return { code: agencyCode, level: current.level, ...after };
    });
    await this.directory.refresh();
    return updated;
  }
}
