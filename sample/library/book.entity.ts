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

  /** A `datetime` column, so TypeORM reads it back as a `Date`. */
  @Column('datetime')
  publicationDate!: Date;
}
