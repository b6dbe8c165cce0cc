import { defineOperation } from '../operation';
import { createProfile, createProfileProblems } from '../../services/profiles/profiles.service';

export default defineOperation<Parameters<typeof createProfile>[2]>('CreateProfile', createProfile, createProfileProblems);
