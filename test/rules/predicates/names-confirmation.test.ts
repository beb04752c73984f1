import { isConfirmationName, namesConfirmation } from '../../../src/rules/predicates/names-confirmation.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (expression: string) => {
  const { node, imports } = assignedValue(`x = ${expression}`);
  return namesConfirmation.test(node, true, { path: 'forms.py', imports });
};

describe('names-confirmation', () => {
  it.each(['confirm', 'confirm_password', 'confirmPassword', 'password_confirmation', 'new_password_confirm', 'repeat_password', 'password_repeat', 'retyped_password', 'password_again', 'password2', 'new_passwd_2', 'pwd2', 'passtwo', 'password_two', 'reenter_passphrase', 'rep_passwd', 'new_password', 'new_passwd', 'newpassword', 'new_user_password'])(
    '%s names a password typed a second time',
    (name) => expect(isConfirmationName(name)).toBe(true),
  );
  it.each(['password', 'confirmation_token', 'confirm_key', 'token2', 'api_key', 'original_password', 'repeat_count', 'verify_token', 'secret2', 'secret_two', 'bypasstwo_factor', 'reconfirm_secret', 'new_token', 'new_secret', 'renew_password', 'news_password_hash'])(
    '%s does not',
    (name) => expect(isConfirmationName(name)).toBe(false),
  );
  it.each([
    ['confirm', true],
    ['self.password_confirmation', true],
    ["data['confirm_password']", true],
    ["cleaned_data.get('password2', None)", true],
    ["(form.cleaned_data.get('repeat_password'))", true],
    ["data['password']", false],
    ["cleaned_data.get('password')", false],
    ["lookup('confirm_password')", false],
    ['data[key]', false],
    ['user.confirmation_token', false],
  ])('%s: %s', (expression, expected) => {
    expect(holds(expression as string)).toBe(expected);
  });
});
