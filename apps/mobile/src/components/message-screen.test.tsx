import { fireEvent, render, screen } from '@testing-library/react-native';
import { CrashScreen } from './crash-screen';
import { MissingApiUrl } from './missing-api-url';

describe('the message screens', () => {
  it('shows what crashed as an alert, and Try again retries', () => {
    const retry = jest.fn(() => Promise.resolve());
    render(<CrashScreen error={new Error('tasks is not iterable')} retry={retry} />);
    // A View with a role is no accessibility element by itself, so getByRole does not see it.
    expect(screen.root).toHaveProp('accessibilityRole', 'alert');
    expect(screen.getByRole('header', { name: 'Something went wrong' })).toBeOnTheScreen();
    expect(screen.getByText('tasks is not iterable')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('says how to build with a server address, with no alert and no button', () => {
    render(<MissingApiUrl />);
    expect(screen.getByRole('header', { name: 'No server configured' })).toBeOnTheScreen();
    expect(
      screen.getByText(
        "This build does not know where its server is. Build it again with EXPO_PUBLIC_API_URL set to the server's address, for example EXPO_PUBLIC_API_URL=https://api.example.com.",
      ),
    ).toBeOnTheScreen();
    expect(screen.root).not.toHaveProp('accessibilityRole');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
