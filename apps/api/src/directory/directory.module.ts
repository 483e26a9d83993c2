import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies/agencies.controller';
import { UsersController } from './users/users.controller';

/** Agencies and staff accounts. */
@Module({ controllers: [AgenciesController, UsersController] })
export class DirectoryModule {}
