import { mountPage } from './mount-page'
import { InstallScreen } from '../screens/install/install-screen'

mountPage(InstallScreen)
