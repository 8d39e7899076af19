import { fireEvent, screen, waitFor } from 'expo-router/testing-library';
import { signedInOnThisPhone } from '../testing/api';
import { renderApp } from '../testing/render-app';

/** Opens the editor on an asset, renames it here while another device renames it too. */
async function editWhileChangedElsewhere() {
  const { api } = await signedInOnThisPhone();
  const asset = await api.asset.create.mutate({ name: 'Penny Black' });
  renderApp(`/assets/edit?id=${asset.id}`);
  fireEvent.changeText(await screen.findByLabelText('Name'), 'Penny Black, 1840');
  await api.asset.update.mutate({
    id: asset.id,
    name: 'Penny Black (used)',
    expectedUpdatedAt: asset.updatedAt,
  });
  fireEvent.press(screen.getByRole('button', { name: 'Save' }));
  await screen.findByRole('header', { name: 'This asset changed elsewhere' });
  return { api, id: asset.id };
}

describe('the asset editor', () => {
  it('on CONFLICT shows both names and saves mine over theirs on "Keep mine"', async () => {
    const { api, id } = await editWhileChangedElsewhere();
    expect(screen.getByText('Theirs: Penny Black (used)')).toBeOnTheScreen();
    expect(screen.getByText('Mine: Penny Black, 1840')).toBeOnTheScreen();

    fireEvent.press(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () =>
      expect((await api.asset.byId.query({ id })).name).toBe('Penny Black, 1840'),
    );
    // The saved editor closes; waiting for it keeps its late router.back() out of the next test,
    // where it closed that test's editor (a flake that looked like lost screen updates).
    expect(await screen.findByRole('header', { name: 'Assets' })).toBeOnTheScreen();
    expect(screen.queryByRole('header', { name: 'This asset changed elsewhere' })).toBeNull();
  });

  it('on "Use theirs" loads their version into the form, and the next save is on it', async () => {
    const { api, id } = await editWhileChangedElsewhere();
    fireEvent.press(screen.getByRole('button', { name: 'Use theirs' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Name').props.value).toBe('Penny Black (used)'),
    );
    expect((await api.asset.byId.query({ id })).name).toBe('Penny Black (used)');

    fireEvent.changeText(screen.getByLabelText('Name'), 'Penny Black (used, 1841)');
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await api.asset.byId.query({ id })).name).toBe('Penny Black (used, 1841)'),
    );
  });

  it('says an asset that is not there could not be loaded', async () => {
    await signedInOnThisPhone();
    renderApp('/assets/edit?id=00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText('This asset could not be loaded.')).toBeOnTheScreen();
  });
});
