import { mountPage } from './mount-page'
import { ContextMenuScreen } from '../screens/context-menu/context-menu-screen'

mountPage(ContextMenuScreen)
