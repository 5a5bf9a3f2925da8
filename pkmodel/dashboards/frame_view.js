// Front end of pkmodel's FrameView (anywidget): shows a dashboard's frames, PNG bytes sent by
// the kernel, on a canvas. The PNG is decoded off the page's main thread (ImageDecoder where the
// browser has it, else createImageBitmap) and drawn as it is: no <img> reload through a blob
// URL, which cost 11 ms per frame in JupyterLab + Chromium (see _frame_view.py for the numbers).
// A frame that arrives while an older one is still decoding wins; the older one is dropped.

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

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "pk-frame";
  canvas.setAttribute("role", "img");
  canvas.style.display = "block";
  el.appendChild(canvas);
  const context = canvas.getContext("2d");
  let latest = 0;

  const label = () => canvas.setAttribute("aria-label", model.get("alt"));
  const show = async () => {
    const serial = ++latest;
    const value = model.get("value");
    if (!value || !value.byteLength) return;
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    let frame;
    try {
      frame = await decode(bytes);
    } catch (error) {
      console.error("pkmodel: a figure frame could not be decoded", error);
      return;
    }
    try {
      if (serial !== latest) return; // a newer frame is on its way
      const width = frame.displayWidth ?? frame.width;
      const height = frame.displayHeight ?? frame.height;
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(frame, 0, 0);
    } finally {
      frame.close();
    }
  };

  model.on("change:value", show);
  model.on("change:alt", label);
  label();
  show();
  return () => {
    model.off("change:value", show);
    model.off("change:alt", label);
  };
}

export default { render };
