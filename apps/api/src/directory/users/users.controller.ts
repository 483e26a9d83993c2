import { Body, ConflictException, Controller, Get, NotFoundException, Param, Patch, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity, appendNextAuditEvent, UserEntity } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { CreateUserDto, UpdateUserDto, UserView } from './user.dto';

const view = (u: UserEntity): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  agencyCode: u.agencyCode,
  email: u.email,
  disabled: u.disabled,
  locked: u.lockedUntil !== null && u.lockedUntil > new Date(),
});

async function assertAgency(manager: EntityManager, code: string): Promise<void> {
  if (!(await manager.findOne(AgencyEntity, { where: { code } }))) {
    throw new UnprocessableEntityException({ message: 'Unknown agency', errors: [{ field: 'agencyCode', reason: 'no agency with this code' }] });
  }
}

/** Staff accounts, managed by an administrator; every change is audited (never the password). */
@ApiTags('directory')
@Controller('api/v1/users')
export class UsersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('manage_users')
  @ApiOperation({ summary: 'Danh sách người dùng / staff accounts' })
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } })).map(view);
  }

  @Post()
  @RequirePermission('manage_users')
  @ApiOperation({ summary: 'Tạo tài khoản / create an account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'The username is taken' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'Unknown agency' })
  async create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    const passwordHash = await argon2.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.findOne(UserEntity, { where: { username: dto.username } })) throw new ConflictException({ message: 'Username taken', errors: [{ field: 'username', reason: 'already exists' }] });
      await assertAgency(manager, dto.agencyCode);
      const user = await manager.save(
        manager.create(UserEntity, { id: dto.username, username: dto.username, displayName: dto.displayName, role: dto.role, agencyCode: dto.agencyCode, email: dto.email ?? null, passwordHash }),
      );
      await appendNextAuditEvent(manager, { streamType: 'user', streamId: user.id, type: 'user.created', actor: actor.id, payload: { role: dto.role, agencyCode: dto.agencyCode } });
      return view(user);
    });
  }

  @Patch(':userId')
  @RequirePermission('manage_users')
  @ApiOperation({ summary: 'Sửa tài khoản / change role or agency, disable, unlock, reset password, set the e-mail' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No such user' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'Unknown agency' })
  async update(@Param('userId') userId: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    const passwordHash = dto.password ? await argon2.hash(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId } });
      if (!user) throw new NotFoundException({ message: 'No such user', errors: [{ field: 'userId', reason: 'no user with this id' }] });
      if (dto.agencyCode) await assertAgency(manager, dto.agencyCode);
      const changes: Partial<UserEntity> = {
        ...(dto.role ? { role: dto.role } : {}),
        ...(dto.agencyCode ? { agencyCode: dto.agencyCode } : {}),
        ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}),
        ...(dto.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(dto.email !== undefined ? { email: dto.email } : {}),
      };
      await manager.update(UserEntity, { id: userId }, changes);
      // Neither the password nor the address itself goes into the trail: only that they changed.
      const { password: _secret, email: _address, ...audited } = dto;
      await appendNextAuditEvent(manager, {
        streamType: 'user',
        streamId: userId,
        type: 'user.updated',
        actor: actor.id,
        payload: { before: { role: user.role, agencyCode: user.agencyCode, disabled: user.disabled }, changes: { ...audited, passwordReset: dto.password !== undefined, emailChanged: dto.email !== undefined } },
      });
      return view({ ...user, ...changes });
    });
  }
}
