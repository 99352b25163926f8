import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A book of the sample library. Its class name gives the views `book_list.html`, `book_detail.html`, `book_list`, `book`. */
@Entity()
export class Book {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Column()
  author!: string;

  @Column({ unique: true })
  slug!: string;

  /** A date and time (SQLite `datetime`, PostgreSQL `timestamp`), read back as a `Date`. */
  @Column({ type: Date })
  publicationDate!: Date;
}
