import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarStore } from '@donthu/persistence';

/** The official calendar in force (bundled data + years loaded by an administrator). */
@Global()
@Module({
  providers: [{ provide: CalendarStore, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new CalendarStore(dataSource) }],
  exports: [CalendarStore],
})
export class CalendarModule {}
