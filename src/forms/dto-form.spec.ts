import { describe, expect, it } from '@jest/globals';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, Matches } from 'class-validator';
import { dtoForm } from './dto-form.js';

class SignupDto {
  @IsEmail()
  email!: string;

  @IsString()
  @MaxLength(20)
  @Matches(/^[a-z]+$/, { message: 'Use lower-case letters only.' })
  username!: string;

  @IsOptional()
  @IsInt()
  @Min(13)
  @Max(120)
  age?: number;

  @IsIn(['reader', 'writer'])
  role!: string;

  @IsOptional()
  @IsBoolean()
  newsletter?: boolean;
}

const SignupForm = dtoForm(SignupDto);

describe('dtoForm() with class-validator', () => {
  it('reads the fields from the decorators', () => {
    const form = new SignupForm();
    expect(Object.keys(form.fields)).toEqual(['email', 'username', 'age', 'role', 'newsletter']);
    expect(form.field('email').toHtml()).toBe('<input type="email" name="email" required id="id_email">');
    expect(form.field('username').toHtml()).toBe(
      '<input type="text" name="username" maxlength="20" required id="id_username">',
    );
    expect(form.field('age').toHtml()).toBe('<input type="number" name="age" min="13" max="120" id="id_age">');
    expect(form.field('role').toHtml()).toContain('<option value="writer">writer</option>');
  });

  it('coerces a form body and gives a DTO instance as cleanedData', async () => {
    const form = new SignupForm({
      data: { email: 'ada@example.com', username: 'ada', age: '36', role: 'writer', newsletter: 'on' },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toBeInstanceOf(SignupDto);
    expect({ ...form.cleanedData }).toEqual({
      email: 'ada@example.com',
      username: 'ada',
      age: 36,
      role: 'writer',
      newsletter: true,
    });
  });

  it('gives Django’s messages first, then class-validator’s', async () => {
    const form = new SignupForm({ data: { email: 'x', username: 'Ada', age: '7.5', role: 'admin' } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({
      email: ['Enter a valid email address.'],
      age: ['Enter a whole number.'],
      role: ['Select a valid choice. admin is not one of the available choices.'],
      username: ['Use lower-case letters only.'],
    });
  });

  it('refuses NUL characters in string fields with Django’s message', async () => {
    const form = new SignupForm({ data: { email: 'ada@example.com', username: 'ada\0', role: 'writer' } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({ username: ['Null characters are not allowed.'] });
  });
});
