import { fireEvent, screen, waitFor } from 'expo-router/testing-library';
import { signedInOnThisPhone } from '../testing/api';
import { renderApp } from '../testing/render-app';

describe('the tags screen', () => {
  it('creates, renames and deletes a tag on the server', async () => {
    const { api } = await signedInOnThisPhone();
    renderApp('/tags');
    expect(await screen.findByText('No tags yet.')).toBeOnTheScreen();

    fireEvent.changeText(screen.getByLabelText('Tag name'), 'garden');
    fireEvent.press(screen.getByRole('radio', { name: '#059669' }));
    fireEvent.press(screen.getByRole('button', { name: 'Add tag' }));
    const name = await screen.findByLabelText('Name of garden');
    expect(await api.tag.list.query()).toMatchObject([{ name: 'garden', color: '#059669' }]);

    fireEvent.changeText(name, 'allotment');
    fireEvent(name, 'submitEditing');
    expect(await screen.findByLabelText('Name of allotment')).toBeOnTheScreen();
    expect((await api.tag.list.query()).map((tag) => tag.name)).toEqual(['allotment']);

    fireEvent.press(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No tags yet.')).toBeOnTheScreen();
    await waitFor(async () => expect(await api.tag.list.query()).toEqual([]));
  });

  it("says why the server refused a tag's name", async () => {
    const { api } = await signedInOnThisPhone();
    await api.tag.create.mutate({ name: 'home' });
    renderApp('/tags');
    await screen.findByLabelText('Name of home');
    fireEvent.changeText(screen.getByLabelText('Tag name'), 'HOME');
    fireEvent.press(screen.getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByText('You already have a tag with this name')).toBeOnTheScreen();
    expect((await api.tag.list.query()).map((tag) => tag.name)).toEqual(['home']);
  });
});
