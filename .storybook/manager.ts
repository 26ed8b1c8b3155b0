import { addons } from "storybook/manager-api";

addons.setConfig({
  toolbar: {
    // Storybook 10.6's own zoom control logs "The 'ariaLabel' prop on 'PopoverProvider' will
    // become mandatory" on every story; the stories need no zoom (they are checked at fixed widths).
    zoom: { hidden: true },
  },
});
