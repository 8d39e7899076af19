import { fireEvent, screen } from 'expo-router/testing-library';
import { renderApp } from '../testing/render-app';
import { signUpThroughApi, uniqueEmail } from '../testing/api';

describe('sign in', () => {
  it('says a wrong password is wrong, then signs in with the right one', async () => {
    const email = uniqueEmail();
    await signUpThroughApi(email, 'correct horse battery');
    renderApp('/sign-in');

    fireEvent.changeText(await screen.findByLabelText('Email'), email);
    fireEvent.changeText(screen.getByLabelText('Password'), 'wrong password here');
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong email or password.')).toBeOnTheScreen();

    fireEvent.changeText(screen.getByLabelText('Password'), 'correct horse battery');
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('header', { name: 'Tasks' })).toBeOnTheScreen();
  });

  it('names the field the server refused on sign up', async () => {
    renderApp('/sign-up');
    fireEvent.changeText(await screen.findByLabelText('Email'), uniqueEmail());
    fireEvent.changeText(screen.getByLabelText('Password'), 'short');
    fireEvent.press(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Choose a longer password.')).toBeOnTheScreen();
  });
});
