import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the CSRF tests' views store on POST: a refused request must store none. */
@Entity()
export class Note {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  text!: string;
}
