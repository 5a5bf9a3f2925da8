// Front end of pkmodel's FrameView (anywidget): shows a dashboard's frames, PNG bytes sent by
// the kernel, on a canvas (at the frame's size over `density`, frame pixels per CSS pixel: 1
// except in lecture mode). The PNG is decoded off the page's main thread (ImageDecoder where the
// browser has it, else createImageBitmap) and drawn as it is: no <img> reload through a blob
// URL, which cost 11 ms per frame in JupyterLab + Chromium (see _frame_view.py for the numbers).
//
// A frame is the key frame (`value`, a whole PNG) with `patch` (a PNG of the rectangle where the
// frame differs from the key frame; empty where it does not) drawn over it at `patch_at`. The
// canvas keeps the key frame with the last patch drawn over it, so a new frame with the same key
// frame costs the decode of its patch only: the last patch's rectangle is restored from the
// decoded key frame, and the new patch drawn. Changes that arrive together (key frame and patch
// in one message) are shown once. A frame that arrives while an older one is still decoding
// wins; the older one is dropped (every patch is relative to the key frame, so nothing is lost).

async function decode(bytes) {
  if (typeof ImageDecoder !== "undefined") {
    const decoder = new ImageDecoder({ data: bytes, type: "image/png" });
    try {
      return (await decoder.decode()).image;
    } finally {
      decoder.close();
    }
  }
  return createImageBitmap(new Blob([bytes], { type: "image/png" }));
}

const asBytes = (view) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
const widthOf = (image) => image.displayWidth ?? image.width;
const heightOf = (image) => image.displayHeight ?? image.height;

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "pk-frame";
  canvas.setAttribute("role", "img");
  canvas.style.display = "block";
  el.appendChild(canvas);
  const context = canvas.getContext("2d");
  let latest = 0;
  let pending = false;
  let key = null; // {value, image: a promise of the decoded key frame}
  let drawnKey = null; // the key entry the canvas shows
  let drawnPatch = null; // the rectangle of the patch drawn over it, [x, y, width, height], or null

  const keyFor = (value) => {
    if (!key || key.value !== value) {
      const old = key;
      key = { value, image: decode(asBytes(value)) };
      key.image.catch(() => {}); // reported where it is awaited
      if (old && old !== drawnKey) old.image.then((image) => image.close(), () => {});
    }
    return key;
  };

  const show = async () => {
    pending = false;
    const serial = ++latest;
    const value = model.get("value");
    if (!value || !value.byteLength) return;
    const patchBytes = model.get("patch");
    const [px, py] = model.get("patch_at");
    const entry = keyFor(value);
    let keyImage, patch = null;
    try {
      [keyImage, patch] = await Promise.all([
        entry.image,
        patchBytes && patchBytes.byteLength ? decode(asBytes(patchBytes)) : null,
      ]);
    } catch (error) {
      console.error("pkmodel: a figure frame could not be decoded", error);
      return;
    }
    try {
      if (serial !== latest) return; // a newer frame is on its way
      const width = widthOf(keyImage);
      const height = heightOf(keyImage);
      if (drawnKey !== entry || canvas.width !== width || canvas.height !== height) {
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
          size();
        }
        context.drawImage(keyImage, 0, 0);
        if (drawnKey && drawnKey !== key) drawnKey.image.then((image) => image.close(), () => {});
        drawnKey = entry;
      } else if (drawnPatch) {
        const [x, y, w, h] = drawnPatch;
        context.drawImage(keyImage, x, y, w, h, x, y, w, h);
      }
      drawnPatch = null;
      if (patch) {
        context.drawImage(patch, px, py);
        drawnPatch = [px, py, widthOf(patch), heightOf(patch)];
      }
    } finally {
      if (patch) patch.close();
    }
  };

  const schedule = () => {
    // the kernel sends a key frame and its patch in one message, as two changes: show them once
    if (pending) return;
    pending = true;
    queueMicrotask(show);
  };

  const label = () => canvas.setAttribute("aria-label", model.get("alt"));
  const size = () => {
    // shown at the frame's size over its density (frame pixels per CSS pixel; 1: unscaled)
    const density = model.get("density") || 1;
    canvas.style.width = `${canvas.width / density}px`;
    canvas.style.height = `${canvas.height / density}px`;
  };
  model.on("change:value", schedule);
  model.on("change:patch", schedule);
  model.on("change:patch_at", schedule);
  model.on("change:alt", label);
  model.on("change:density", size);
  label();
  show();
  return () => {
    model.off("change:value", schedule);
    model.off("change:patch", schedule);
    model.off("change:patch_at", schedule);
    model.off("change:alt", label);
    model.off("change:density", size);
    for (const entry of new Set([key, drawnKey])) if (entry) entry.image.then((image) => image.close(), () => {});
  };
}

export default { render };
