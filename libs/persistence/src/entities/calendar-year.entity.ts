import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An official schedule of days off for one year, loaded by an administrator (overrides the bundled data). */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'loaded_by', type: 'text' })
  loadedBy!: string;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;
}
